import { describe, expect, it } from "vitest";
import { isStorableTimestamp } from "./storable-time";

describe("isStorableTimestamp", () => {
  it("accepts ordinary timestamps with any offset", () => {
    expect(isStorableTimestamp("2026-11-21T02:00:00Z")).toBe(true);
    expect(isStorableTimestamp("2026-11-21T02:00:00.123+05:30")).toBe(true);
  });
  it("refuses what Postgres cannot store or no clock would report, and non-dates", () => {
    for (const value of [
      "-271821-04-20T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "0001-01-01T00:00:00Z",
      "1969-12-31T23:59:59Z",
      "10000-01-01T00:00:00Z",
      "soon",
      "",
    ]) {
      expect(isStorableTimestamp(value), value).toBe(false);
    }
  });
});
