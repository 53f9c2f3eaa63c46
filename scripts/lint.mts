// `npm run lint`: the house rules (scripts/lib/steps.ts LINT_STEPS), every check run, non-zero when any failed.
import { LINT_STEPS, runSteps, summarize } from "./lib/steps";

const started = Date.now();
const failed = summarize(await runSteps(LINT_STEPS, "lint"), "lint", started);
process.exit(failed === 0 ? 0 : 1);
