import { describe, expect, it } from "vitest";
import { p90, rtoVerdict, secondsOutOfRpo } from "./rules";
import { canonicalJson } from "./evidence";
import { toCsv } from "./view";

const now = new Date("2026-11-22T00:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe("p90 (nearest rank, like percentile_disc)", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    [[10, 1, 5], 10],
    [[5, 1, 2, 4, 3, 6, 7, 8, 9, 10, 11], 10],
  ])("%j → %s", (values, expected) => expect(p90(values)).toBe(expected));
});

describe("RTO verdict", () => {
  const base = { targetMinutes: 30, lastMeasuredAt: daysAgo(5), p90Seconds: 20 * 60, dependencyBound: null };
  it("passes a recent p90 within target", () => expect(rtoVerdict(base, now).status).toBe("pass"));
  it("fails a p90 over target", () =>
    expect(rtoVerdict({ ...base, p90Seconds: 31 * 60 }, now)).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("over the target"),
    }));
  it("is unproven without a measurement in 90 days, never passing", () => {
    expect(rtoVerdict({ ...base, lastMeasuredAt: daysAgo(91) }, now).status).toBe("unproven");
    expect(rtoVerdict({ ...base, lastMeasuredAt: null, p90Seconds: null }, now)).toMatchObject({
      status: "unproven",
      reason: expect.stringContaining("Never measured"),
    });
  });
  it("fails when a dependency's measured RTO is longer than the target, even if the service itself is fast", () => {
    expect(rtoVerdict({ ...base, dependencyBound: { seconds: 45 * 60, serviceName: "orders-db" } }, now)).toMatchObject(
      { status: "fail", reason: expect.stringContaining("Depends on orders-db") },
    );
    expect(rtoVerdict({ ...base, dependencyBound: { seconds: 25 * 60, serviceName: "orders-db" } }, now).status).toBe(
      "pass",
    );
  });
  it("has nothing to say without a target", () =>
    expect(rtoVerdict({ ...base, targetMinutes: null }, now).status).toBe("no_target"));
});

describe("time out of RPO", () => {
  const rpo = 3600;
  it("counts from the RPO after each backup to the next, and before the first", () => {
    // Window of 10 hours; backups at hour 2 and hour 5: out 0–2 (no backup yet), 3–5, 6–10 = 2 + 2 + 4 hours.
    const from = new Date("2026-11-21T00:00:00Z");
    const at = (h: number) => new Date(from.getTime() + h * 3_600_000);
    expect(secondsOutOfRpo([at(2), at(5)], rpo, from, at(10))).toBe(8 * 3600);
  });
  it("uses the last backup before the window", () => {
    const from = new Date("2026-11-21T00:00:00Z");
    const at = (h: number) => new Date(from.getTime() + h * 3_600_000);
    expect(secondsOutOfRpo([at(-0.5)], rpo, from, at(2))).toBe(1.5 * 3600);
    expect(secondsOutOfRpo([], rpo, from, at(2))).toBe(2 * 3600);
  });
});

describe("evidence and exports", () => {
  it("canonical JSON sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "x" }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
  it("CSV quotes, doubles quotes and defuses formulas", () => {
    const row = {
      name: '=HYPERLINK("x")',
      systemName: "Shop, EU",
      tier: 1,
      rtoTargetMinutes: 30,
      lastMeasuredAt: null,
      lastSeconds: null,
      p90Seconds: null,
      measurements: 0,
      status: "unproven",
      reason: 'said "never"',
      rpoMinutes: null,
      ageMinutes: null,
      band: "no_target",
      within30: null,
      within90: null,
    } as never;
    const [header, line] = toCsv([row]).split("\r\n");
    expect(header).toMatch(/^service,system,tier,/);
    expect(line).toBe(`"'=HYPERLINK(""x"")","Shop, EU",1,30,,,,0,Unproven,"said ""never""",,,No RPO target,,`);
    // Every lead a spreadsheet reads as a formula (OWASP CSV injection), tab and carriage return included.
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
      const cell = toCsv([{ ...(row as object), name: `${lead}1+1` } as never])
        .split("\r\n")[1]!
        .split(",")[0]!;
      expect(cell.replace(/^"/, "").startsWith(`'${lead}`), JSON.stringify(lead)).toBe(true);
    }
  });
});
