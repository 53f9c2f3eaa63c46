// The domain gauges, computed at scrape time with a few aggregate queries (nothing is loaded into memory),
// and at most once per CACHE_MS however many scrapers ask: a scrape storm does not reach the database.
import type { Reader } from "@/lib/db/client";
import { findRpoBandCounts } from "@/lib/backups/freshness";
import { RPO_BANDS, type RpoBand } from "@/lib/backups/rules";
import { PROVEN_WITHIN_DAYS } from "@/lib/compliance/rules";
import { QUEUES } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import { workerLiveness, type WorkerLiveness } from "@/lib/observability/heartbeat";
import { metrics, type Metrics } from "@/lib/observability/metrics";

const CACHE_MS = 5_000;

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const CHANNEL_TYPES = ["webhook", "email", "sms", "voice"] as const;
/** Bands that mean "the newest good backup is older than the RPO, or there is none". */
const OUT_OF_RPO: readonly RpoBand[] = ["exceeded", "severe", "critical", "never"];

type DomainSnapshot = {
  incidentsOpen: Record<string, number>;
  rpoBands: Record<RpoBand, number>;
  rtoUnproven: number;
  notificationFailures: Record<string, number>;
  jobs: Record<string, { queued: number; active: number; failed24h: number }>;
  workers: WorkerLiveness;
};

const counts = <K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const row of rows) out[row.key] = row.n;
  return out;
};

async function jobCounts(db: Reader): Promise<DomainSnapshot["jobs"]> {
  const jobs: DomainSnapshot["jobs"] = Object.fromEntries(
    Object.values(QUEUES).map((q) => [q, { queued: 0, active: 0, failed24h: 0 }]),
  );
  // pg-boss creates its schema when it first starts: before that, every queue is empty.
  const [exists] = await db.$queryRaw<
    { job: string | null; archive: string | null }[]
  >`SELECT to_regclass('pgboss.job')::text AS job, to_regclass('pgboss.archive')::text AS archive`;
  if (!exists?.job) return jobs;
  const live = await db.$queryRaw<{ name: string; queued: number; active: number; failed: number }[]>`
    SELECT name,
           count(*) FILTER (WHERE state < 'active')::int AS queued,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '24 hours')::int AS failed
    FROM pgboss.job
    WHERE state <= 'active' OR (state = 'failed' AND completed_on > now() - interval '24 hours')
    GROUP BY name`;
  // Failed jobs move to the archive after a while (12 h by default): count those of the last day there too.
  const archived = exists.archive
    ? await db.$queryRaw<{ name: string; failed: number }[]>`
        SELECT name, count(*)::int AS failed FROM pgboss.archive
        WHERE archived_on > now() - interval '24 hours' AND state = 'failed' AND completed_on > now() - interval '24 hours'
        GROUP BY name`
    : [];
  const entry = (name: string) => (jobs[name] ??= { queued: 0, active: 0, failed24h: 0 });
  for (const row of live)
    Object.assign(entry(row.name), { queued: row.queued, active: row.active, failed24h: row.failed });
  for (const row of archived) entry(row.name).failed24h += row.failed;
  return jobs;
}

async function readDomainSnapshot(db: Reader): Promise<DomainSnapshot> {
  const [incidents, rpoBands, unproven, notifications, jobs, workers] = await Promise.all([
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT severity::text AS key, count(*)::int AS n FROM "Incident" WHERE status <> 'resolved' GROUP BY severity`,
    findRpoBandCounts(db),
    // lib/compliance/rules.ts#rtoVerdict's "unproven", as one count: a target (own or the tier's) and no
    // measurement in the last 90 days (the compliance view reports a service failing a dependency as failing).
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
      FROM "Service" s LEFT JOIN "TierDefault" td ON td.tier = s.tier
      WHERE COALESCE(s."rtoMinutes", td."rtoMinutes") IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM "RecoveryMeasurement" m
          WHERE m."serviceId" = s.id AND m."verifiedAt" > timezone('UTC', now()) - make_interval(days => ${PROVEN_WITHIN_DAYS})
        )`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT c.type::text AS key, count(*)::int AS n
      FROM "NotificationDelivery" d JOIN "NotificationChannel" c ON c.id = d."channelId"
      WHERE d.status = 'failed' AND d."createdAt" > timezone('UTC', now()) - interval '24 hours'
      GROUP BY c.type`,
    jobCounts(db),
    workerLiveness(db),
  ]);
  return {
    incidentsOpen: counts(SEVERITIES, incidents),
    rpoBands,
    rtoUnproven: unproven[0]?.n ?? 0,
    notificationFailures: counts(CHANNEL_TYPES, notifications),
    jobs,
    workers,
  };
}

function apply(m: Metrics, snapshot: DomainSnapshot) {
  for (const [severity, n] of Object.entries(snapshot.incidentsOpen)) m.incidentsOpen.set({ severity }, n);
  for (const band of RPO_BANDS) m.servicesByRpoBand.set({ band }, snapshot.rpoBands[band]);
  m.servicesOutOfRpo.set(OUT_OF_RPO.reduce((sum, band) => sum + snapshot.rpoBands[band], 0));
  m.servicesRtoUnproven.set(snapshot.rtoUnproven);
  for (const [channel_type, n] of Object.entries(snapshot.notificationFailures))
    m.notificationFailures.set({ channel_type }, n);
  for (const [queue, j] of Object.entries(snapshot.jobs)) {
    m.jobQueueDepth.set({ queue }, j.queued);
    m.jobQueueActive.set({ queue }, j.active);
    m.jobFailures.set({ queue }, j.failed24h);
  }
  m.workersAlive.set(snapshot.workers.alive);
  m.workerHeartbeatAge.reset();
  if (snapshot.workers.newestAgeSeconds !== null) m.workerHeartbeatAge.set(snapshot.workers.newestAgeSeconds);
}

const DOMAIN_GAUGES = (m: Metrics) => [
  m.incidentsOpen,
  m.servicesByRpoBand,
  m.servicesOutOfRpo,
  m.servicesRtoUnproven,
  m.notificationFailures,
  m.jobQueueDepth,
  m.jobQueueActive,
  m.jobFailures,
  m.workersAlive,
  m.workerHeartbeatAge,
];

type Refresh = { at: number; promise: Promise<void> };
const globalForRefresh = globalThis as unknown as { lifeboatDomainRefresh?: Refresh };

/**
 * Brings the domain gauges up to date unless that was done (or is being done) less than CACHE_MS ago.
 * When the database cannot answer, the domain gauges are left out and lifeboat_metrics_collect_success is 0.
 */
export function refreshDomainMetrics(db: Reader, now = Date.now()): Promise<void> {
  const last = globalForRefresh.lifeboatDomainRefresh;
  if (last && now - last.at < CACHE_MS) return last.promise;
  const m = metrics();
  const started = performance.now();
  const promise = readDomainSnapshot(db)
    .then(
      (snapshot) => {
        apply(m, snapshot);
        m.collectSuccess.set(1);
      },
      (error: unknown) => {
        for (const gauge of DOMAIN_GAUGES(m)) gauge.reset();
        m.collectSuccess.set(0);
        logger.warn({ reason: (error as Error).message.split("\n")[0] }, "metrics: domain figures could not be read");
      },
    )
    .finally(() => m.collectDuration.set((performance.now() - started) / 1000));
  globalForRefresh.lifeboatDomainRefresh = { at: now, promise };
  return promise;
}

/** Forgets the cached figures (tests). */
export function forgetDomainMetrics() {
  globalForRefresh.lifeboatDomainRefresh = undefined;
}
