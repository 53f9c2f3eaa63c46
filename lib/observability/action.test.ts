// Server actions: the status each outcome is counted as, the name read from the build's manifest, and the
// request id in context for the action's log lines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { currentRequestId } from "@/lib/log/context";
import { actionName, actionRequest, actionStatus, noteActionStatus, observeAction } from "./action";
import { metrics } from "./metrics";

async function count(route: string, status: string) {
  const metric = await metrics().requestDuration.get();
  return (
    metric.values.find(
      (v) =>
        v.metricName?.endsWith("_count") &&
        v.labels.route === route &&
        v.labels.method === "ACTION" &&
        v.labels.status === status,
    )?.value ?? 0
  );
}

describe("actionStatus", () => {
  it("maps each outcome to an HTTP-like status", () => {
    expect(actionStatus({ data: 1 } as never, undefined)).toBe(200);
    expect(actionStatus({ validationErrors: {} }, undefined)).toBe(422);
    expect(actionStatus({ serverError: "no" }, 403)).toBe(403);
    expect(actionStatus({ serverError: "no" }, undefined)).toBe(500);
    expect(actionStatus({ navigationKind: "redirect" }, undefined)).toBe(303);
    expect(actionStatus({ navigationKind: "notFound" }, undefined)).toBe(404);
  });
});

describe("observeAction", () => {
  it("runs the chain with the request id in context and counts the status noted by the error handler", async () => {
    let seen: string | undefined;
    const result = await observeAction({ requestId: "act-1", action: "testAction" }, async () => {
      seen = currentRequestId();
      noteActionStatus(403);
      return { success: false, serverError: "Your role does not allow this." };
    });
    expect(result.serverError).toBe("Your role does not allow this.");
    expect(seen).toBe("act-1");
    expect(await count("action:testAction", "403")).toBe(1);
    await observeAction({ requestId: "act-2", action: "testAction" }, async () => ({
      success: true,
      data: 1,
      serverError: undefined,
    }));
    expect(await count("action:testAction", "200")).toBe(1);
  });

  it("outside a request (tests, scripts) makes an id and names the action unknown", async () => {
    const call = await actionRequest();
    expect(call.action).toBe("unknown");
    expect(call.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("actionName", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-manifest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the exported name from the build's server-reference manifest", () => {
    mkdirSync(path.join(dir, ".next", "server"), { recursive: true });
    writeFileSync(
      path.join(dir, ".next", "server", "server-reference-manifest.json"),
      JSON.stringify({
        node: {
          "7fabc": { filename: "app/(app)/incidents/actions.ts", exportedName: "declareIncidentAction", workers: {} },
        },
      }),
    );
    const cwd = vi.spyOn(process, "cwd").mockReturnValue(dir);
    try {
      const now = Date.now() + 60_000;
      expect(actionName("7fabc", now)).toBe("declareIncidentAction");
      expect(actionName("7fdef", now + 60_000)).toBeNull();
      expect(actionName(null)).toBeNull();
    } finally {
      cwd.mockRestore();
    }
  });
});
