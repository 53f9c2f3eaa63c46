// The plan-reading pool, with real worker threads: the reported freezing plan is read off the event loop,
// a read over its time budget is stopped and refused with the 422 message, a burst queues behind two
// workers and is refused past the queue, and the caller's event loop is never held meanwhile.
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { runPlanJobOffThread } from "./parse-pool";

const escalationPlan = (levels: number, spaces: number) =>
  `# Shop DR Plan\n\n## Escalation\n\n${Array.from({ length: levels }, (_, i) => `- Level ${(i % 9) + 1}${" ".repeat(spaces)}`).join("\n")}\n`;
const strayCommas = (bytes: number) =>
  `systems:\n  - name: Shop\n    services:\n      - name: api\n        dependsOn: [${",".repeat(bytes)} db]\n`;

/**
 * Runs `work` and measures how long this thread's event loop was busy meanwhile (Node's event-loop utilization:
 * time spent running callbacks, not time spent waiting). Busy at most N ms in all means no single hold longer
 * than N ms; unlike timer lateness, it does not count the time a loaded machine keeps the idle thread waiting.
 */
async function busyWhile<T>(work: () => Promise<T>): Promise<{ value: T; heldMs: number }> {
  const before = performance.eventLoopUtilization();
  const value = await work();
  return { value, heldMs: performance.eventLoopUtilization(before).active };
}

describe("reading plans in worker threads", () => {
  it(
    "reads the reported 12 KB escalation plan (26 s on the event loop before) without holding this thread",
    { timeout: 30_000 },
    async () => {
      await runPlanJobOffThread({ kind: "read", request: { text: "# Warm\n", fileName: "plan.md" } }); // starting a worker is one-off
      const { value, heldMs } = await busyWhile(() =>
        runPlanJobOffThread({ kind: "read", request: { text: escalationPlan(4, 3000), fileName: "plan.md" } }),
      );
      expect(value.format).toBe("markdown");
      expect(heldMs).toBeLessThanOrEqual(100);
    },
  );

  it(
    "stops a read over its budget and refuses it with a message that says so, the thread free meanwhile",
    { timeout: 30_000 },
    async () => {
      const started = performance.now();
      const { value: error, heldMs } = await busyWhile(() =>
        runPlanJobOffThread(
          { kind: "read", request: { text: strayCommas(2 * 1024 * 1024 - 200), fileName: "plan.yaml" } },
          { timeoutMs: 300 },
        ).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION");
      expect((error as AppError).userMessage).toMatch(/took too long to read \(over 300 ms\)/);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(heldMs).toBeLessThanOrEqual(100);
      // The pool goes on: the next plan is read by a fresh worker.
      expect(
        (await runPlanJobOffThread({ kind: "read", request: { text: escalationPlan(2, 10), fileName: "plan.md" } }))
          .format,
      ).toBe("markdown");
    },
  );

  it(
    "queues a burst behind two workers and refuses what does not fit the queue, naming the reason",
    { timeout: 60_000 },
    async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          runPlanJobOffThread({ kind: "read", request: { text: escalationPlan(3, 50 + i), fileName: "plan.md" } }),
        ),
      );
      const refused = outcomes
        .filter((o) => o.status === "rejected")
        .map((o) => (o as PromiseRejectedResult).reason as AppError);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(18); // 2 reading + 16 waiting
      expect(refused.map((e) => e.code)).toEqual(["UNAVAILABLE", "UNAVAILABLE"]);
      expect(refused[0]!.userMessage).toMatch(/busy reading other plans/);
    },
  );
});
