// Bench data for the compliance page, bulk-inserted with generate_series (seconds, not minutes):
// 40 systems × 50 services (tiers 1–4, RTO/RPO set on most), a dependency DAG (~2.8 edges per service to
// lower-numbered services of the same system, plus every 10th service on a shared platform service),
// one backup policy per service with 250 runs over the last 120 days (mostly succeeded; random failures,
// week-long outages and too-tight RPOs so that violations exist), one drill runbook per system with 500
// drill runs over 12 months measuring 20,000 recoveries, and 300 incidents over 12 months.
// Ids are prefixed "b" so they never collide with the demo data.
import type pg from "pg";

const SYSTEMS = 40;
const PER_SYSTEM = 50;
export const SERVICES = SYSTEMS * PER_SYSTEM;
const RUNS_PER_SERVICE = 250;
/** 250 runs over 120 days: one every 691 minutes. */
const BACKUP_EVERY_MINUTES = Math.floor((120 * 24 * 60) / RUNS_PER_SERVICE);
const DRILL_RUNS = 500;
const INCIDENTS = 300;

export type Seeded = {
  services: number;
  edges: number;
  backupRuns: number;
  drillRuns: number;
  measurements: number;
  incidents: number;
  seconds: number;
};

export async function seedComplianceBench(client: pg.Client): Promise<Seeded> {
  const started = performance.now();
  const q = (sql: string) => client.query(sql);
  await q("SELECT setseed(0.42)"); // the same "random" data every run
  await q(`INSERT INTO "TierDefault" (tier, "rtoMinutes", "rpoMinutes", "updatedAt") VALUES (1,15,720,now()),(2,60,1440,now()),(3,240,1440,now()),(4,1440,2880,now())
           ON CONFLICT (tier) DO NOTHING`);
  await q(
    `INSERT INTO "System" (id, name, "updatedAt") SELECT 'bsys' || s, 'Bench system ' || lpad(s::text, 2, '0'), now() FROM generate_series(1, ${SYSTEMS}) s`,
  );
  // Service i (1..2000) is number j (1..50) of system s. RTO: 9 in 10 set (tier-ish, spread); RPO: 6 in 7 set,
  // mostly above the backup interval, every 23rd tighter than it (never within RPO).
  await q(`INSERT INTO "Service" (id, "systemId", name, kind, tier, "rtoMinutes", "rpoMinutes", owner, "updatedAt")
    SELECT 'bsvc' || i, 'bsys' || (1 + (i - 1) / ${PER_SYSTEM}), 'service ' || lpad(i::text, 4, '0'),
           (ARRAY['api','database','cache','queue','frontend'])[1 + i % 5], 1 + (i * 7) % 4,
           CASE WHEN i % 10 = 0 THEN NULL ELSE (ARRAY[15, 60, 240, 1440])[1 + (i * 7) % 4] * (1 + i % 3) END,
           CASE WHEN i % 7 = 0 THEN NULL WHEN i % 23 = 0 THEN 360 ELSE (ARRAY[720, 1440, 1440, 2880])[1 + (i * 7) % 4] END,
           'team ' || (i % 20), now()
    FROM generate_series(1, ${SERVICES}) i`);
  // DAG: only edges to lower-numbered services. 3 draws among the earlier services of the same system, and
  // every 10th service on one of system 1's first five (shared platform: auth, database…).
  await q(`INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId")
    SELECT DISTINCT 'bsvc' || ((s - 1) * ${PER_SYSTEM} + j), 'bsvc' || ((s - 1) * ${PER_SYSTEM} + 1 + floor(random() * (j - 1))::int)
    FROM generate_series(1, ${SYSTEMS}) s, generate_series(2, ${PER_SYSTEM}) j, generate_series(1, 3) k
    ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId")
    SELECT 'bsvc' || i, 'bsvc' || (1 + i % 5) FROM generate_series(${PER_SYSTEM + 10}, ${SERVICES}, 10) i
    ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "BackupPolicy" (id, "serviceId", name, "intervalMinutes", "requireVerified", "updatedAt")
    SELECT 'bpol' || i, 'bsvc' || i, 'every ${BACKUP_EVERY_MINUTES} min', ${BACKUP_EVERY_MINUTES}, i % 5 = 0, now() FROM generate_series(1, ${SERVICES}) i`);
  // Run k (1 = newest) of service i finishes k-1 intervals (plus a per-service phase) ago. Failed: 3% at
  // random, a 4-day outage for every 13th service (k 40..47), and the newest 6 of every 50th (critical now).
  await q(`INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "sizeBytes", verified, "updatedAt")
    SELECT 'bpol' || i, 'bsvc' || i, 'r' || k,
           (CASE WHEN random() < 0.03 OR (i % 13 = 0 AND k BETWEEN 40 AND 47) OR (i % 50 = 7 AND k <= 6) THEN 'failed' ELSE 'succeeded' END)::"BackupRunStatus",
           now() - make_interval(mins => ((k - 1) * ${BACKUP_EVERY_MINUTES} + (i * 37) % ${BACKUP_EVERY_MINUTES} + 25)),
           now() - make_interval(mins => ((k - 1) * ${BACKUP_EVERY_MINUTES} + (i * 37) % ${BACKUP_EVERY_MINUTES} + 5)),
           1048576 * (1 + i % 100), random() > 0.1, now()
    FROM generate_series(1, ${SERVICES}) i, generate_series(1, ${RUNS_PER_SERVICE}) k`);
  // One drill runbook per system; drill run r (of 500) belongs to system 1 + (r - 1) % 40, started r × 0.73
  // days ago (12 months), measuring 4 in 5 of its system's services.
  await q(
    `INSERT INTO "Runbook" (id, "systemId", name, scenario, "updatedAt") SELECT 'brb' || s, 'bsys' || s, 'Full failover drill', 'region loss', now() FROM generate_series(1, ${SYSTEMS}) s`,
  );
  await q(`INSERT INTO "RecoveryRun" (id, "runbookId", drill, "runbookVersion", "runbookName", state, "startedBy", "startedAt", "finishedAt")
    SELECT 'brun' || r, 'brb' || (1 + (r - 1) % ${SYSTEMS}), true, 1, 'Full failover drill', 'succeeded', 'bench',
           now() - make_interval(secs => r * 365 * 86400.0 / ${DRILL_RUNS}), now() - make_interval(secs => r * 365 * 86400.0 / ${DRILL_RUNS} - 7200)
    FROM generate_series(1, ${DRILL_RUNS}) r`);
  // Measured seconds: 0.3–1.3 × the effective target, so some p90s fail.
  await q(`INSERT INTO "RecoveryMeasurement" ("serviceId", "runId", drill, "startedAt", "verifiedAt", seconds)
    SELECT svc.id, run.id, true, run."startedAt", run."startedAt" + make_interval(secs => m.seconds), m.seconds
    FROM generate_series(1, ${DRILL_RUNS}) r
    JOIN "RecoveryRun" run ON run.id = 'brun' || r
    CROSS JOIN generate_series(1, ${PER_SYSTEM}) j
    JOIN "Service" svc ON svc.id = 'bsvc' || ((r - 1) % ${SYSTEMS} * ${PER_SYSTEM} + j)
    JOIN "TierDefault" td ON td.tier = svc.tier
    CROSS JOIN LATERAL (SELECT (COALESCE(svc."rtoMinutes", td."rtoMinutes") * 60 * (0.3 + random()))::int AS seconds) m
    WHERE (r * 7 + j * 3) % 5 <> 0`);
  // Incidents over 12 months, 9 in 10 resolved after 10–250 minutes, each affecting 1–3 services of its system.
  await q(`INSERT INTO "Incident" (id, title, "systemId", severity, status, "declaredAt", "resolvedAt", "updatedAt")
    SELECT 'binc' || n, 'Bench incident ' || n, 'bsys' || (1 + n % ${SYSTEMS}), (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + n % 4]::"Severity",
           (CASE WHEN n % 10 = 0 THEN 'recovering' ELSE 'resolved' END)::"IncidentStatus",
           now() - make_interval(secs => n * 365 * 86400.0 / ${INCIDENTS}),
           CASE WHEN n % 10 = 0 THEN NULL ELSE now() - make_interval(secs => n * 365 * 86400.0 / ${INCIDENTS} - (10 + (n * 37) % 240) * 60) END, now()
    FROM generate_series(1, ${INCIDENTS}) n`);
  await q(`INSERT INTO "IncidentService" ("incidentId", "serviceId")
    SELECT DISTINCT 'binc' || n, 'bsvc' || ((n % ${SYSTEMS}) * ${PER_SYSTEM} + 1 + (n * k * 13) % ${PER_SYSTEM})
    FROM generate_series(1, ${INCIDENTS}) n, generate_series(1, 1 + n % 3) k`);
  // VACUUM as well: the visibility map autovacuum keeps on a live table (index-only scans need it).
  await q("VACUUM ANALYZE");
  const counts = await q(`SELECT (SELECT count(*) FROM "Service" WHERE id LIKE 'bsvc%')::int AS services,
      (SELECT count(*) FROM "ServiceDependency" WHERE "serviceId" LIKE 'bsvc%')::int AS edges,
      (SELECT count(*) FROM "BackupRun" WHERE "policyId" LIKE 'bpol%')::int AS "backupRuns",
      (SELECT count(*) FROM "RecoveryRun" WHERE id LIKE 'brun%')::int AS "drillRuns",
      (SELECT count(*) FROM "RecoveryMeasurement" WHERE "runId" LIKE 'brun%')::int AS measurements,
      (SELECT count(*) FROM "Incident" WHERE id LIKE 'binc%')::int AS incidents`);
  return { ...(counts.rows[0] as Omit<Seeded, "seconds">), seconds: (performance.now() - started) / 1000 };
}
