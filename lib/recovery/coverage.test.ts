// The ranking rules of the incident's runbook choice: coverage first, fewest extras on ties, none when nothing fits.
import { describe, expect, it } from "vitest";
import { coverageOf, rankRunbooks, type CoverageRunbook } from "./coverage";

const rb = (id: string, checked: string[], system: string[] = []): CoverageRunbook => ({
  id,
  name: id,
  checkedServiceIds: checked,
  systemServiceIds: system,
});

describe("runbook coverage", () => {
  it("prefers the runbook covering the most affected services", () => {
    const { best, matching } = rankRunbooks(
      [rb("checkout", ["api"]), rb("payments", ["db", "search"]), rb("db-only", ["db"])],
      ["db", "search"],
    );
    expect(best).toBe("payments");
    expect(matching.map((m) => m.runbook.id)).toEqual(["payments", "db-only"]);
  });

  it("breaks ties by the fewest extra services", () => {
    const { best } = rankRunbooks(
      [rb("wide", ["db", "search", "api"]), rb("narrow", ["db", "cache"]), rb("exact", ["db"])],
      ["db"],
    );
    expect(best).toBe("exact");
  });

  it("preselects nothing when no runbook covers an affected service", () => {
    const { best, matching, others } = rankRunbooks([rb("checkout", ["api"]), rb("payments", ["db"])], ["livekit"]);
    expect(best).toBeNull();
    expect(matching).toEqual([]);
    expect(others.map((o) => o.runbook.id)).toEqual(["checkout", "payments"]);
  });

  it("preselects nothing for an incident without affected services", () => {
    expect(rankRunbooks([rb("checkout", ["api"])], []).best).toBeNull();
  });

  it("falls back to the system's services only for runbooks that check none, and ranks them after precise ones", () => {
    expect(coverageOf(rb("generic", [], ["db", "api"]), ["db"])).toEqual({ covered: ["db"], extra: 1, precise: false });
    expect(coverageOf(rb("checks", ["api"], ["db", "api"]), ["db"]).covered).toEqual([]);
    const { best } = rankRunbooks([rb("generic", [], ["db"]), rb("checks", ["db"])], ["db"]);
    expect(best).toBe("checks");
  });
});
