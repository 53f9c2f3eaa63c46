import { describe, expect, it } from "vitest";
import { incidentListQuery } from "./api";

describe("GET /api/v1/incidents ?since=", () => {
  it("takes a date, or a date and time with its zone", () => {
    for (const since of [
      "2026-12-01",
      "2026-12-01T08:00:00Z",
      "2026-12-01T08:00+01:00",
      "2026-12-01T08:00:00.123456Z",
    ]) {
      expect(incidentListQuery.safeParse({ since }).success, since).toBe(true);
    }
  });
  it('refuses loose forms Date.parse would take ("1" as the year 2001) and years Postgres cannot hold, naming the rule', () => {
    for (const since of [
      "1",
      "2001",
      "Dec 1 2026",
      "2026-12-01T08:00:00",
      "1969-12-31",
      "+275760-09-13T00:00:00Z",
      "10000-01-01",
    ]) {
      const parsed = incidentListQuery.safeParse({ since });
      expect(parsed.success, since).toBe(false);
      expect(parsed.error?.issues[0]?.message, since).toMatch(/ISO 8601 date or timestamp/);
    }
  });
});
