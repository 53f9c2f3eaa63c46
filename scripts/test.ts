// `npm test`: the whole suite, in the order that fails fastest: typecheck, lint, unit tests,
// integration tests on a real Postgres, then end-to-end tests in real Chromium.
// Every step runs; the exit code is non-zero when any of them failed. Nothing is skipped silently.
import { ensureChromium } from "./lib/chromium";
import { bin, run } from "./lib/run";

type Step = { name: string; command: string; args: string[] };

const STEPS: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit"] },
  { name: "integration", command: bin("vitest"), args: ["run", "--project", "integration"] },
  { name: "e2e", command: bin("tsx"), args: ["scripts/e2e.ts"] },
];

async function main() {
  const started = Date.now();
  // Before anything else: a missing browser should fail in seconds, not after the other steps.
  ensureChromium((line) => console.log(`[test] ${line}`));

  const results: { name: string; ok: boolean; seconds: number }[] = [];
  for (const step of STEPS) {
    console.log(`\n[test] ── ${step.name} ──`);
    const stepStarted = Date.now();
    const code = await run(step.command, step.args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    results.push({ name: step.name, ok: code === 0, seconds: (Date.now() - stepStarted) / 1000 });
  }

  console.log("\n[test] summary");
  for (const r of results) console.log(`[test]   ${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(12)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`[test] total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`[test] ${(error as Error).message}`);
  process.exit(1);
});
