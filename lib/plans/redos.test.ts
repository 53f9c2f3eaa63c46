// No plan text makes the readers backtrack: a long run (thousands) of any whitespace or ASCII punctuation
// character, in any slot of a plan-shaped line (Markdown and YAML), reads in a small, linear time bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "./read";
import { CHARS, cases } from "./redos-cases";

/** Long enough that a quadratic pattern takes seconds, short enough that a linear reading takes milliseconds. */
const RUN_CHARS = 20_000;
const BUDGET_MS = 200;
// The yaml library makes one error object per stray character (",,,," in a flow list, a run of quotes): linear,
// but ~25 µs each. The worker's time budget (lib/plans/parse-pool.ts) bounds what that costs at 2 MB.
const YAML_BUDGET_MS = 1000;

/**
 * The fastest of up to three reads: a backtracking pattern is slow every time, while a read that only lost the
 * CPU to the rest of the suite (tests run in parallel) is not slow the second time.
 */
function timed(name: string, text: string, budget = Infinity): number {
  let best = Infinity;
  for (let i = 0; i < 3 && best >= budget; i++) {
    const started = performance.now();
    readPlanDocument({ name, text });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe("plan readers on long runs of whitespace and punctuation", () => {
  it.each(cases)("$label", ({ name, fill }) => {
    timed(name, fill("x")); // warm the patterns up
    fc.assert(
      fc.property(fc.constantFrom(...CHARS), fc.constantFrom("", "", " ", "1", "a", "-"), (char, partner) => {
        const unit = char + partner;
        const run = unit.repeat(Math.ceil(RUN_CHARS / unit.length));
        const budget = name.endsWith(".yaml") ? YAML_BUDGET_MS : BUDGET_MS;
        const ms = timed(name, fill(run), budget);
        expect(ms, `${JSON.stringify(unit)} × ${run.length / unit.length}`).toBeLessThan(budget);
      }),
      { numRuns: 30 },
    );
  });

  it("reads the reported escalation plan (four levels, each followed by 3,000 spaces) in milliseconds", () => {
    const text = `# Shop DR Plan\n\n## Escalation\n\n${[1, 2, 3, 4].map((n) => `- Level ${n}${" ".repeat(3000)}`).join("\n")}\n`;
    expect(timed("plan.md", text, BUDGET_MS)).toBeLessThan(BUDGET_MS);
  });
});
