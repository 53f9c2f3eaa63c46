// A hostile plan never holds the server's event loop: while plans that once froze the app (the reported 12 KB
// escalation plan, 2 MB of them, 2 MB of stray YAML commas) are posted, /api/health — sampled every 20 ms —
// never waits more than 100 ms, and each answer is a normal preview or a 422 that names the time budget.
import { expect, test } from "@playwright/test";
import { createTestToken } from "./support/db";

const MAX_STALL_MS = 100;
const MB2 = 2 * 1024 * 1024 - 1024;

const levels = (count: number, spaces: number) =>
  `# Shop DR Plan\n\n## Escalation\n\n${Array.from({ length: count }, (_, i) => `- Level ${(i % 9) + 1}${" ".repeat(spaces)}`).join("\n")}\n`;

const PLANS: [string, string, string][] = [
  ["the reported 12 KB escalation plan", "plan.md", levels(4, 3000)],
  ["2 MB of escalation lines with long runs of spaces", "plan.md", levels(Math.floor(MB2 / 3012), 3000)],
  ["2 MB of stray commas in a YAML flow list", "plan.yaml", `systems:\n  - name: Shop\n    services:\n      - name: api\n        dependsOn: [${",".repeat(MB2 - 100)} db]\n`],
];

test.describe.configure({ mode: "serial" });

for (const [what, name, text] of PLANS) {
  test(`${what}: /api/health keeps answering within ${MAX_STALL_MS} ms`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const token = await createTestToken(["plans:write"]);
    // Warm both routes up (loading a route's code the first time is the server's own, one-off work).
    await fetch(`${baseURL}/api/health`);
    await fetch(`${baseURL}/api/v1/plans/import?dryRun=true&name=plan.md`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: "# Warm\n\n## Up\n" });
    let done = false;
    const latencies: number[] = [];
    const sampler = (async () => {
      while (!done) {
        const started = performance.now();
        await fetch(`${baseURL}/api/health`);
        const ms = performance.now() - started;
        latencies.push(ms);
        await new Promise((r) => setTimeout(r, Math.max(0, 20 - ms)));
      }
    })();
    const started = performance.now();
    const response = await fetch(`${baseURL}/api/v1/plans/import?dryRun=true&name=${name}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain; charset=utf-8" },
      body: text,
    });
    const body = await response.json();
    const took = performance.now() - started;
    done = true;
    await sampler;
    const stall = Math.max(...latencies);
    console.log(`${what}: ${(text.length / 1024).toFixed(0)} KB answered ${response.status} in ${took.toFixed(0)} ms; ${latencies.length} health samples, slowest ${stall.toFixed(0)} ms`);
    if (response.status === 422 && typeof body.error === "string") {
      expect(body.error).toMatch(/took too long to read \(over [\d.]+ m?s\)/);
    } else {
      expect([200, 422]).toContain(response.status);
      expect(body.reading).toBeDefined();
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(stall, `slowest /api/health while reading: ${stall.toFixed(0)} ms`).toBeLessThanOrEqual(MAX_STALL_MS);
  });
}
