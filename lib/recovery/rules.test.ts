import { describe, expect, it } from "vitest";
import { nextBatch } from "./engine";
import { formatDuration } from "./format";
import { runbookFieldsSchema } from "./schemas";
import { resolveStepUrl, statusMatches } from "./steps";
import { draftToStep, newStep } from "@/components/recovery/step-draft";

const step = (position: number, state: string, group: number | null = null) => ({
  position,
  state: state as never,
  group,
});

describe("next batch", () => {
  it("is the first unfinished step, with the rest of its parallel group", () => {
    expect(nextBatch([step(1, "succeeded"), step(2, "pending"), step(3, "pending")]).map((s) => s.position)).toEqual([
      2,
    ]);
    expect(
      nextBatch([step(1, "skipped"), step(2, "pending", 1), step(3, "running", 1), step(4, "pending", 2)]).map(
        (s) => s.position,
      ),
    ).toEqual([2, 3]);
    expect(nextBatch([step(2, "succeeded", 1), step(1, "failed", 1)]).map((s) => s.position)).toEqual([1, 2]);
    expect(nextBatch([step(1, "succeeded"), step(2, "skipped")])).toEqual([]);
  });
});

describe("step helpers", () => {
  it("matches statuses: any 2xx by default, the listed ones otherwise", () => {
    expect(statusMatches(204)).toBe(true);
    expect(statusMatches(302)).toBe(false);
    expect(statusMatches(302, [302])).toBe(true);
  });
  it("resolves /paths against this Lifeboat and refuses them without its address", () => {
    expect(resolveStepUrl("/api/demo-fleet/search/health", "http://127.0.0.1:3000")).toBe(
      "http://127.0.0.1:3000/api/demo-fleet/search/health",
    );
    expect(resolveStepUrl("https://ci.example.com/x", undefined)).toBe("https://ci.example.com/x");
    expect(() => resolveStepUrl("/x", undefined)).toThrow(/NEXTAUTH_URL/);
  });
  it("formats durations", () => {
    expect([45, 60, 2292, 7500].map(formatDuration)).toEqual(["45 s", "1 min", "38 min 12 s", "2 h 05 min"]);
  });
});

describe("runbook validation", () => {
  const base = { systemId: "s1", name: "Failover", steps: [] as unknown[] };
  it("names the step whose settings are wrong", () => {
    const result = runbookFieldsSchema.safeParse({
      ...base,
      steps: [
        { title: "Call CI", kind: "http", timeoutSeconds: 30, retries: 0, config: { url: "ftp://x" } },
        { title: "Healthy", kind: "healthcheck", timeoutSeconds: 30, retries: 0, config: { url: "/health" } },
      ],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Step 1: url must be an http:// or https:// URL (or a /path on this Lifeboat)");
    expect(messages).toContain("Step 2: name the services this health check proves recovered");
  });
  it("needs at least one step", () => {
    expect(runbookFieldsSchema.safeParse(base).error?.issues[0]?.message).toBe("A runbook needs at least one step");
  });
});

describe("editor drafts", () => {
  it("turn into saved steps, with JSON headers checked", () => {
    const http = {
      ...newStep("http"),
      title: "Deploy",
      url: "https://ci.example.com",
      expectStatus: "200, 202",
      headers: '{"X-Token":"t"}',
    };
    expect(draftToStep(http)).toMatchObject({
      kind: "http",
      timeoutSeconds: 60,
      config: { url: "https://ci.example.com", method: "POST", expectStatus: [200, 202], headers: { "X-Token": "t" } },
    });
    expect(draftToStep({ ...http, headers: "{nope" })).toEqual({
      error: expect.stringContaining("headers must be a JSON object"),
    });
    expect(draftToStep({ ...newStep("wait"), title: "Pause", seconds: "5" })).toMatchObject({
      config: { seconds: 5 },
      safeToRepeat: true,
    });
  });
});
