// Hostile input must not stall the server: every pattern in the extractor meets long runs of the characters it
// matches, in every context it reads (a heading, a table cell, a bullet, a list item, a fence), within a budget.
import { describe, expect, it } from "vitest";
import { extractMarkdownPlan } from "./extract";

const RUNS = [
  " ",
  "1",
  "1 ",
  "1-",
  "- ",
  "-",
  "*",
  "**",
  "|",
  "| ",
  "#",
  "[",
  "(",
  "(1",
  ":",
  ".",
  "a",
  "a ",
  "\t",
  "1 min ",
  "< ",
  "+",
  "@",
  "a@",
  "_",
];
const CONTEXTS = [
  (x: string) => `## Tier 1 - Critical (RTO: ${x}!)`,
  (x: string) => `| Service | RTO | RPO | Priority |\n|---|---|---|---|\n| api | ${x} | 1 hour | Critical |`,
  (x: string) => `- **RTO**: ${x}!`,
  (x: string) => `**Estimated Time**: ${x}!`,
  (x: string) => `1. **Level 1** (${x}): On-call`,
  (x: string) => `- **Daily**: backup using \`${x}\``,
  (x: string) => `- **DevOps Lead**: ${x} - [Phone]`,
  (x: string) => `### Scenario 1: ${x}\n\n**Recovery Steps**:\n\`\`\`bash\n# 1. ${x}\nrun ${x}\n\`\`\``,
  (x: string) =>
    `| Event | Internal | External | Timeline |\n|---|---|---|---|\n| Incident Detected | ${x} | - | Every ${x} |`,
  (x: string) => `This document outlines the disaster recovery strategy for the ${x} platform`,
];

describe("hostile Markdown", () => {
  it("reads long runs of every pattern's characters in every context in well under a second each", () => {
    let slowest = { ms: 0, what: "" };
    for (const run of RUNS) {
      const nasty = run.repeat(Math.ceil(20_000 / run.length));
      for (const [k, context] of CONTEXTS.entries()) {
        const doc = `# Shop - DR Plan\n\n## Overview\n\nText.\n\n${context(nasty)}\n`;
        // The fastest of up to three reads: backtracking is slow every time, a read that lost the CPU to the
        // tests running beside it is not.
        let ms = Infinity;
        for (let i = 0; i < 3 && ms >= 250; i++) {
          const started = performance.now();
          extractMarkdownPlan(doc);
          ms = Math.min(ms, performance.now() - started);
        }
        if (ms > slowest.ms) slowest = { ms, what: `context ${k}, run ${JSON.stringify(run)}` };
      }
    }
    expect(slowest.ms, slowest.what).toBeLessThan(250);
  }, 120_000);
});
