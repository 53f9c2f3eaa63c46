import { describe, expect, it } from "vitest";
import { serviceFieldsSchema, tierDefaultsSchema } from "./schemas";

const base = { systemId: "sys", name: "api", tier: 1, rtoMinutes: "", rpoMinutes: "" };
const errors = (input: Record<string, unknown>) => {
  const result = serviceFieldsSchema.safeParse({ ...base, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("service fields", () => {
  it("accepts blank objectives as 'use the tier default' and normalises the URL", () => {
    expect(serviceFieldsSchema.parse({ ...base, healthCheckUrl: "https://api.example/health" })).toMatchObject({
      rtoMinutes: null,
      rpoMinutes: null,
      kind: "other",
      healthCheckUrl: "https://api.example/health",
    });
    expect(serviceFieldsSchema.parse({ ...base, rtoMinutes: "0", rpoMinutes: 525600 })).toMatchObject({
      rtoMinutes: 0,
      rpoMinutes: 525600,
    });
  });

  it.each([
    [{ rtoMinutes: "-1" }, "rtoMinutes", "RTO cannot be negative"],
    [{ rpoMinutes: "525601" }, "rpoMinutes", "RPO over a year (525600 minutes) is not an objective"],
    [{ rtoMinutes: "1.5" }, "rtoMinutes", "RTO must be a whole number of minutes"],
    [{ rtoMinutes: "soon" }, "rtoMinutes", "RTO must be a whole number of minutes"],
    [{ tier: 5 }, "tier", "Choose a tier from 1 (Critical) to 4 (Low)"],
    [{ tier: "critical" }, "tier", "Choose a tier from 1 (Critical) to 4 (Low)"],
    [{ healthCheckUrl: "ftp://x" }, "healthCheckUrl", "Health-check URL must be a full http:// or https:// URL"],
    [{ healthCheckUrl: "api/health" }, "healthCheckUrl", "Health-check URL must be a full http:// or https:// URL"],
    [{ name: "  " }, "name", "Name is required"],
    [{ kind: "<script>" }, "kind", "Kind uses letters, digits, spaces and dashes"],
  ])("%j → %s: %s", (input, field, message) => {
    expect(errors(input)[field]).toBe(message);
  });
});

describe("tier defaults", () => {
  it("requires both objectives for every tier", () => {
    expect(
      tierDefaultsSchema.safeParse({ tiers: [{ tier: 1, version: 1, rtoMinutes: "", rpoMinutes: "5" }] }).success,
    ).toBe(false);
    expect(
      tierDefaultsSchema.parse({ tiers: [{ tier: 1, version: 1, rtoMinutes: "15", rpoMinutes: "5" }] }).tiers[0],
    ).toMatchObject({ rtoMinutes: 15, rpoMinutes: 5 });
  });
});
