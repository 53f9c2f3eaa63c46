// The plan corpus score in CI (test/plans/corpus/README.md): the floors hold, and the scorer itself counts what
// it says it counts (a fact read that the plan does not state is invented; one not read is missed).
import { describe, expect, it } from "vitest";
import { belowFloors, readCorpus, scoreFixture, totals } from "./lib/plan-corpus";

describe("the scorer", () => {
  const text = [
    "# Kestrel Ledger - Disaster Recovery Plan",
    "",
    "- **RTO**: 4 hours",
    "- **RPO**: 15 minutes",
    "",
    "## Restore the database",
    "",
    "1. Stop the app: `systemctl stop ledger`",
    "2. Restore the dump: `pg_restore -d ledger /backups/latest.dump`",
  ].join("\n");

  it("counts found, missed and invented", () => {
    const score = scoreFixture({
      name: "inline.md",
      text,
      stated: {
        language: "en",
        system: "Kestrel Ledger",
        objectives: [
          { kind: "rto", minutes: 240 },
          { kind: "rto", minutes: 60, scope: "Search" },
        ],
        procedures: ["Restore the database"],
        commands: ["systemctl stop ledger", "pg_restore -d ledger /backups/latest.dump"],
      },
    });
    expect(score.missed).toEqual(["RTO 60 min (Search)"]);
    expect(score.found).toHaveLength(5);
    // The RPO is in the document but not in the facts given: the scorer calls it invented.
    expect(score.invented).toEqual([expect.stringContaining("RPO 15 min")]);
  });
});

describe("the corpus of real plans", () => {
  const scores = readCorpus().map(scoreFixture);

  it("holds at least 40 fixtures, 8 of them not in English", () => {
    expect(scores.length).toBeGreaterThanOrEqual(40);
    expect(scores.filter((s) => s.language !== "en").length).toBeGreaterThanOrEqual(8);
  });

  it("meets the floors: 90% found in English, 75% in other languages, nothing invented", () => {
    const t = totals(scores);
    console.log(`plan corpus: ${t.found}/${t.found + t.missed} stated facts found, ${t.invented} invented`);
    expect(belowFloors(scores)).toEqual([]);
  });
});
