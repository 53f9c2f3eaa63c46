// The compliance query on seeded history with answers worked out by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { findComplianceRows } from "./queries";
import { secondsOutOfRpo } from "./rules";

let t: TestDatabase;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.tierDefault.createMany({
    data: [1, 2, 3, 4].map((tier) => ({ tier, rtoMinutes: 240, rpoMinutes: 1440 })),
  });
  const system = await t.db.system.create({ data: { name: "Shop" } });
  for (const [name, rtoMinutes] of [
    ["fast", 30],
    ["slow", 30],
    ["old", 30],
    ["never", 30],
    ["front", 30],
    ["db", 30],
  ] as const) {
    ids[name] = (
      await t.db.service.create({
        data: { systemId: system.id, name, tier: 1, rtoMinutes, rpoMinutes: name === "db" ? 60 : null },
      })
    ).id;
  }
  await t.db.serviceDependency.create({ data: { serviceId: ids.front!, dependsOnId: ids.db! } });
  await t.db.serviceDependency.create({ data: { serviceId: ids.db!, dependsOnId: ids.slow! } });
  const runbook = await t.db.runbook.create({ data: { systemId: system.id, name: "rb" } });
  // One drill run per measurement (a run measures a service once).
  const measure = async (service: string, minutes: number[], daysAgo = 5) => {
    for (const [i, m] of minutes.entries()) {
      const run = await t.db.recoveryRun.create({
        data: { runbookId: runbook.id, drill: true, runbookVersion: 1, runbookName: "rb", startedBy: "test" },
      });
      await t.db.recoveryMeasurement.create({
        data: {
          serviceId: ids[service]!,
          runId: run.id,
          drill: true,
          startedAt: ago(daysAgo * DAY + i * 1000 + m * 60_000),
          verifiedAt: ago(daysAgo * DAY + i * 1000),
          seconds: m * 60,
        },
      });
    }
  };
  await measure("fast", [10, 12, 14, 16, 18, 20, 22, 24, 26, 28]); // p90 = 26 min (9th of 10)
  await measure("slow", [20, 25, 40, 50, 60]); // p90 = 60 min
  await measure("old", [5], 100);
  await measure("front", [5, 6]);
  // db: RPO 60 min; good backups 40 and 10 days ago.
  const policy = await t.db.backupPolicy.create({ data: { serviceId: ids.db!, name: "nightly", intervalMinutes: 60 } });
  for (const [i, daysAgo] of [40, 10].entries()) {
    await t.db.backupRun.create({
      data: {
        policyId: policy.id,
        serviceId: ids.db!,
        externalId: `r${i}`,
        status: "succeeded",
        startedAt: ago(daysAgo * DAY + 60_000),
        finishedAt: ago(daysAgo * DAY),
        updatedAt: new Date(),
      },
    });
  }
});

describe("compliance rows", () => {
  it("pass, fail, unproven and the dependency bound, with the figures", async () => {
    const rows = await findComplianceRows(t.db, {});
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.fast).toMatchObject({
      status: "pass",
      p90Seconds: 26 * 60,
      lastSeconds: 10 * 60,
      measurements: 10,
      rtoTargetMinutes: 30,
    });
    expect(by.slow).toMatchObject({ status: "fail", p90Seconds: 60 * 60 });
    expect(by.old).toMatchObject({ status: "unproven" });
    expect(by.never).toMatchObject({ status: "unproven", measurements: 0, lastMeasuredAt: null });
    // front is fast itself, but it needs db, which needs slow (60 min): it cannot meet 30 min.
    expect(by.front).toMatchObject({ status: "fail", dependencyBoundSeconds: 3600, dependencyBoundName: "slow" });
    expect(by.front!.reason).toMatch(/Depends on slow/);
    // db has no measurement of its own: unproven, whatever its dependency says… except the dependency already fails it.
    expect(by.db).toMatchObject({ status: "fail", dependencyBoundName: "slow" });
  });

  it("time within the RPO over 30 and 90 days matches the rule", async () => {
    const [db] = await findComplianceRows(t.db, { q: "db" });
    const backups = [ago(40 * DAY), ago(10 * DAY)];
    const now = new Date();
    const expected30 = 1 - secondsOutOfRpo(backups, 3600, ago(30 * DAY), now) / (30 * 86_400);
    const expected90 = 1 - secondsOutOfRpo(backups, 3600, ago(90 * DAY), now) / (90 * 86_400);
    // By hand: within for 1 h after each backup → 1 h of 30 days, 2 h of 90 days.
    expect(expected30).toBeCloseTo(1 / (30 * 24), 6);
    expect(expected90).toBeCloseTo(2 / (90 * 24), 6);
    expect(db!.within30).toBeCloseTo(expected30, 4);
    expect(db!.within90).toBeCloseTo(expected90, 4);
    expect(db!.band).toBe("critical");
  });

  it("filters by tier, name and status", async () => {
    expect((await findComplianceRows(t.db, { status: "fail" })).map((r) => r.name).sort()).toEqual([
      "db",
      "front",
      "slow",
    ]);
    expect(await findComplianceRows(t.db, { tier: 2 })).toEqual([]);
    expect((await findComplianceRows(t.db, { q: "FA" })).map((r) => r.name)).toEqual(["fast"]);
  });
});

describe("trends", () => {
  it("twelve months of RTO results, RPO violations per week, incidents and MTTR", async () => {
    const { findComplianceTrends, findServiceMeasurements } = await import("./trends");
    const { months, weeks } = await findComplianceTrends(t.db, {});
    expect(months).toHaveLength(12);
    const total = months.reduce((n, m) => n + m.measurements, 0);
    // 18 measurements in the last five days (the 100-day-old one too, if it falls inside 12 months).
    expect(total).toBe(18);
    const within = months.reduce((n, m) => n + m.withinTarget, 0);
    // fast: 10 within 30 min; slow: 20, 25 within (40, 50, 60 not); old: 5; front: 5, 6.
    expect(within).toBe(10 + 2 + 1 + 2);
    // db (RPO 60 min): gaps exceeded after the backup 40 days ago and after the one 10 days ago.
    expect(weeks.reduce((n, w) => n + w.violations, 0)).toBe(2);
    const fast = await findServiceMeasurements(t.db, ids.fast!);
    expect(fast).toMatchObject({ name: "fast", targetMinutes: 30 });
    expect(fast!.points).toHaveLength(10);
  });
});
