// The board's URL filters: what a link says is what the board shows, and junk is ignored, never an error.
import { describe, expect, it } from "vitest";
import { boardHref, hasFilters, parseBoardFilters } from "./board-filters";

describe("board filters", () => {
  it.each([
    [{}, { unacknowledged: false, mine: false }],
    [
      { unack: "1", mine: "1", system: "cmabc123", severity: "SEV1" },
      { unacknowledged: true, mine: true, systemId: "cmabc123", severity: "SEV1" },
    ],
    // junk: ignored one by one
    [
      { unack: "yes", mine: ["1", "0"], system: "<script>", severity: "SEV9" },
      { unacknowledged: false, mine: true },
    ],
    [
      { system: "", severity: "" },
      { unacknowledged: false, mine: false },
    ],
    [
      { system: "x".repeat(65), severity: ["SEV2", "SEV1"] },
      { unacknowledged: false, mine: false, severity: "SEV2" },
    ],
  ])("%j → %j", (params, expected) => {
    expect(parseBoardFilters(params)).toEqual(expected);
  });

  it("round-trips through the link it makes", () => {
    const filters = { unacknowledged: true, mine: false, systemId: "sys_1", severity: "SEV2" as const };
    const href = boardHref(filters);
    expect(href).toBe("/command?unack=1&system=sys_1&severity=SEV2");
    expect(parseBoardFilters(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filters);
    expect(boardHref({ unacknowledged: false, mine: false })).toBe("/command");
    expect(hasFilters(parseBoardFilters({}))).toBe(false);
  });
});
