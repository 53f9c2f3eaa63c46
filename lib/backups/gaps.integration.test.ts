// BackupGap is kept by database triggers (migration 20261122020000_backup_gaps). Whatever happens to runs
// and policies — reports in order, late reports, status and verification changes, deletions, concurrent
// reports — the table must equal the gaps computed from scratch over the good runs.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { ingestBackupRun } from "./ingest";
import type { BackupRunInput } from "./schemas";

let t: TestDatabase;
let serviceId = "";
let otherServiceId = "";
const policies: Record<string, string> = {};
const HOUR = 3_600_000;
const base = Date.now() - 2_000 * HOUR;
const at = (hours: number) => new Date(base + hours * HOUR);

beforeAll(async () => {
  t = await createTestDatabase();
  const system = await t.db.system.create({ data: { name: "Shop" } });
  serviceId = (await t.db.service.create({ data: { systemId: system.id, name: "orders-db", tier: 1, rpoMinutes: 60 } }))
    .id;
  otherServiceId = (await t.db.service.create({ data: { systemId: system.id, name: "search", tier: 2 } })).id;
  policies.hourly = (await t.db.backupPolicy.create({ data: { serviceId, name: "hourly", intervalMinutes: 60 } })).id;
  policies.nightly = (
    await t.db.backupPolicy.create({
      data: { serviceId, name: "nightly", cron: "0 2 * * *", verification: "restore_test" },
    })
  ).id;
  policies.other = (
    await t.db.backupPolicy.create({ data: { serviceId: otherServiceId, name: "daily", intervalMinutes: 1440 } })
  ).id;
});

const report = (policy: string, externalId: string, hours: number, extra: Partial<BackupRunInput> = {}) =>
  ingestBackupRun(
    t.db,
    {
      policyId: policies[policy],
      externalId,
      status: "succeeded",
      startedAt: at(hours - 0.1),
      finishedAt: at(hours),
      ...extra,
    },
    null,
  );

type Gap = { runId: string; fromAt: Date | null; toAt: Date; seconds: number };

async function stored(service = serviceId): Promise<Gap[]> {
  return t.db.$queryRaw<
    Gap[]
  >`SELECT "runId"::text AS "runId", "fromAt", "toAt", seconds FROM "BackupGap" WHERE "serviceId" = ${service} ORDER BY "toAt", "runId"`;
}

/** The gaps worked out from scratch: every good run, and the finish of the good run before it. */
async function fromScratch(service = serviceId): Promise<Gap[]> {
  return t.db.$queryRaw<Gap[]>`
    SELECT r.id::text AS "runId", lag(r."finishedAt") OVER w AS "fromAt", r."finishedAt" AS "toAt",
           COALESCE(EXTRACT(EPOCH FROM r."finishedAt" - lag(r."finishedAt") OVER w)::float8, 'Infinity') AS seconds
    FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
    WHERE r."serviceId" = ${service} AND r.status = 'succeeded' AND r."finishedAt" IS NOT NULL AND (r.verified OR NOT p."requireVerified")
    WINDOW w AS (ORDER BY r."finishedAt", r.id)
    ORDER BY r."finishedAt", r.id`;
}

async function expectConsistent(service = serviceId) {
  expect(await stored(service)).toEqual(await fromScratch(service));
}

describe("BackupGap, kept by triggers", () => {
  it("records the first good backup with an infinite gap and each next one with the time since", async () => {
    await report("hourly", "h1", 0);
    await report("hourly", "h2", 1);
    await report("hourly", "h3", 4);
    const gaps = await stored();
    expect(gaps.map((g) => g.seconds)).toEqual([Infinity, 3_600, 10_800]);
    expect(gaps[0]!.fromAt).toBeNull();
    await expectConsistent();
  });

  it("ignores running and failed runs, and counts a run once it succeeds", async () => {
    await report("hourly", "h4", 5, { status: "running", finishedAt: undefined });
    await report("hourly", "h5", 6, { status: "failed" });
    expect((await stored()).length).toBe(3);
    await report("hourly", "h4", 5);
    expect((await stored()).map((g) => g.seconds)).toEqual([Infinity, 3_600, 10_800, 3_600]);
    await expectConsistent();
  });

  it("a late report between two backups splits their gap; a run re-reported as failed joins them again", async () => {
    await report("hourly", "late", 2.5);
    expect((await stored()).map((g) => g.seconds)).toEqual([Infinity, 3_600, 5_400, 5_400, 3_600]);
    await report("hourly", "late", 2.5, { status: "failed" });
    expect((await stored()).map((g) => g.seconds)).toEqual([Infinity, 3_600, 10_800, 3_600]);
    await expectConsistent();
  });

  it("two policies of one service share the service's gaps, ties included", async () => {
    await report("nightly", "n1", 4, { verified: false });
    await report("nightly", "n2", 8, { verified: true });
    await expectConsistent();
    expect((await stored()).filter((g) => g.seconds === 0)).toHaveLength(1);
  });

  it("requiring verification drops unverified runs of that policy, and lifting it brings them back", async () => {
    const before = await stored();
    await t.db.backupPolicy.update({ where: { id: policies.nightly }, data: { requireVerified: true } });
    await expectConsistent();
    expect((await stored()).length).toBe(before.length - 1);
    await t.db.backupPolicy.update({ where: { id: policies.nightly }, data: { requireVerified: false } });
    expect(await stored()).toEqual(before);
  });

  it("follows deleted runs and deleted policies, and leaves other services alone", async () => {
    await report("other", "o1", 1);
    const other = await stored(otherServiceId);
    await t.db.backupRun.deleteMany({ where: { policyId: policies.hourly, externalId: "h2" } });
    await expectConsistent();
    await t.db.backupPolicy.delete({ where: { id: policies.nightly } });
    await expectConsistent();
    expect(await stored(otherServiceId)).toEqual(other);
  });

  it("stays right under 60 concurrent reports in random order, and a bulk insert", async () => {
    const hours = Array.from({ length: 60 }, (_, i) => 100 + i * 1.5 + (i % 7) * 0.01);
    hours.sort(() => Math.random() - 0.5);
    await Promise.all(
      hours.map((h, i) => report("hourly", `c${i}`, h, { status: i % 5 === 0 ? "failed" : "succeeded" })),
    );
    await expectConsistent();
    await t.db.$executeRaw`
      INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "updatedAt")
      SELECT p.id, p."serviceId", 'bulk' || k, 'succeeded', ${at(50)}::timestamp + k * interval '1 hour', ${at(50)}::timestamp + k * interval '1 hour' + interval '5 minutes', now()
      FROM "BackupPolicy" p CROSS JOIN generate_series(1, 200) k WHERE p.id IN (${policies.hourly}, ${policies.other})`;
    await expectConsistent();
    await expectConsistent(otherServiceId);
  });
});
