// The checks `npm run lint` runs, and the way `npm test` and `npm run lint` run a list of steps: each one in
// turn, every one to the end (a failure does not hide the next step's findings), timed, with a summary.
import { bin, run } from "./run";

export type Step = { name: string; command: string; args: string[]; passed?: () => boolean };
export type StepResult = { name: string; ok: boolean; seconds: number };

/** Typecheck, ESLint, formatting, unused code and dependencies, import layers: the house rules CI holds. */
export const LINT_STEPS: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "eslint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "prettier", command: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
  { name: "knip", command: bin("knip"), args: ["--no-progress"] },
  {
    name: "cycles",
    command: bin("depcruise"),
    args: ["--config", ".dependency-cruiser.cjs", "lib", "app", "components", "scripts", "e2e", "test"],
  },
];

export async function runSteps(steps: Step[], label: string): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    console.log(`\n[${label}] ── ${step.name} ──`);
    const started = Date.now();
    const code = await run(step.command, step.args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    results.push({
      name: step.name,
      ok: code === 0 && (step.passed?.() ?? true),
      seconds: (Date.now() - started) / 1000,
    });
  }
  return results;
}

/** Prints the summary; the number of failed steps. */
export function summarize(results: StepResult[], label: string, startedAt: number): number {
  console.log(`\n[${label}] summary`);
  for (const r of results)
    console.log(`[${label}]   ${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(12)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`[${label}] total ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  return failed;
}
