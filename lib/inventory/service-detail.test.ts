import { describe, expect, it } from "vitest";
import { findRtoWarnings, summarizeBlastRadius, type RelatedService } from "./service-detail";
import { effectiveObjectives } from "./tier-defaults";

const related = (name: string, tier: number, rtoMinutes: number | null, depth = 1): RelatedService => ({
  id: name,
  name,
  tier,
  systemId: "s",
  systemName: "S",
  rtoMinutes,
  depth,
});

describe("summarizeBlastRadius", () => {
  it("counts dependents by tier and finds the tightest RTO among them", () => {
    const summary = summarizeBlastRadius([
      related("api", 1, 15),
      related("web", 2, 30, 2),
      related("batch", 4, null, 3),
      related("auth", 1, 10, 2),
    ]);
    expect(summary).toMatchObject({ total: 4, direct: 1, byTier: { 1: 2, 2: 1, 3: 0, 4: 1 } });
    expect(summary.tightestRto?.name).toBe("auth");
  });

  it("is empty when nothing depends on the service", () => {
    expect(summarizeBlastRadius([])).toEqual({
      total: 0,
      direct: 0,
      byTier: { 1: 0, 2: 0, 3: 0, 4: 0 },
      tightestRto: null,
    });
  });
});

describe("findRtoWarnings", () => {
  it("warns for each direct dependency that takes longer to recover than the service may", () => {
    const warnings = findRtoWarnings(15, [related("db", 2, 60), related("cache", 2, 15), related("disk", 3, 240, 2)]);
    expect(warnings.map((w) => [w.dependency.name, w.serviceRto, w.dependencyRto])).toEqual([["db", 15, 60]]);
  });

  it("says nothing when the service has no RTO", () => {
    expect(findRtoWarnings(null, [related("db", 2, 60)])).toEqual([]);
  });
});

describe("effectiveObjectives", () => {
  const defaults = [{ tier: 1, rtoMinutes: 15, rpoMinutes: 5, version: 1 }];
  it("prefers the service's own figures and falls back to its tier's", () => {
    expect(effectiveObjectives({ tier: 1, rtoMinutes: 30, rpoMinutes: null }, defaults)).toEqual({
      rtoMinutes: 30,
      rpoMinutes: 5,
      rtoFromTier: false,
      rpoFromTier: true,
    });
    expect(effectiveObjectives({ tier: 3, rtoMinutes: null, rpoMinutes: null }, defaults)).toEqual({
      rtoMinutes: null,
      rpoMinutes: null,
      rtoFromTier: false,
      rpoFromTier: false,
    });
  });
});
