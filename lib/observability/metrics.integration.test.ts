// GET /api/metrics on a real database: Prometheus text that parses, every metric with its type, the domain
// gauges equal to seeded data, the token when METRICS_TOKEN is set, the scrape cache, request latency from
// wrapped routes and open SSE streams.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TimelineHub } from "@/lib/incidents/stream/hub";
import { timelineStream } from "@/lib/incidents/stream/sse";
import { createBoss, QUEUES, startBoss } from "@/lib/jobs/boss";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { waitFor } from "@/test/http-receiver";
import { forgetDomainMetrics } from "@/lib/operate/domain-metrics";

const TOKEN = "metrics-test-token-0123456789";

let t: TestDatabase;
let boss: PgBoss;
let GET: (request: Request) => Promise<Response>;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const daysAgo = (d: number) => minutesAgo(d * 24 * 60);

type Sample = { name: string; labels: Record<string, string>; value: number };

/** A strict reader of the text exposition format: every line is a comment, a TYPE, or a sample of a typed family. */
function parseExposition(text: string) {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ")) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)(?: -?\d+)?$/.exec(
        line,
      );
    if (!sample) throw new Error(`Not in the exposition format: ${line}`);
    const labels = Object.fromEntries(
      [...(sample[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const name = sample[1]!;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count|total|created)$/, "");
    if (!types.has(family)) throw new Error(`Sample without a TYPE: ${line}`);
    // Prometheus reads values like Go's ParseFloat: NaN in any case (prom-client writes "Nan" for an empty event-loop histogram).
    samples.push({
      name,
      labels,
      value: /^nan$/i.test(sample[3]!) ? NaN : Number(sample[3]!.replace("Inf", "Infinity")),
    });
  }
  const value = (name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
  return { types, samples, value };
}

async function scrape(token: string | null = TOKEN) {
  const response = await GET(
    new Request("http://lifeboat.test/api/metrics", { headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("METRICS_TOKEN", TOKEN);
  ({ GET } = await import("@/app/api/metrics/route"));

  // Incidents: 2 open SEV1, 1 open SEV2; a resolved SEV1 does not count.
  await t.db.incident.createMany({
    data: [
      { title: "db down", severity: "SEV1", status: "detected" },
      { title: "api down", severity: "SEV1", status: "recovering" },
      { title: "slow", severity: "SEV2", status: "assessing" },
      { title: "old", severity: "SEV1", status: "resolved", resolvedAt: new Date() },
    ],
  });

  // Services: RTO targets from the tier defaults; RPO 60 min × tier where a backup policy exists.
  await t.db.tierDefault.createMany({
    data: [1, 2, 3, 4].map((tier) => ({ tier, rtoMinutes: 60, rpoMinutes: 60 * tier })),
  });
  const system = await t.db.system.create({ data: { name: "Shop" } });
  const service = (name: string, tier: number) => t.db.service.create({ data: { systemId: system.id, name, tier } });
  const orders = await service("orders-db", 1); // backed up 10 min ago: within; measured 10 days ago: proven
  const payments = await service("payments-db", 1); // policy, never backed up; measured 100 days ago: unproven
  const ledger = await service("ledger-db", 2); // RPO 120 min, last good backup 5 h ago: severe; never measured
  await service("web", 3); // no policy: no RPO target; never measured
  const policy = (serviceId: string) =>
    t.db.backupPolicy.create({ data: { serviceId, name: "nightly", intervalMinutes: 60 } });
  const ordersPolicy = await policy(orders.id);
  await policy(payments.id);
  const ledgerPolicy = await policy(ledger.id);
  await t.db.backupRun.create({
    data: {
      policyId: ordersPolicy.id,
      serviceId: orders.id,
      externalId: "o1",
      status: "succeeded",
      startedAt: minutesAgo(15),
      finishedAt: minutesAgo(10),
    },
  });
  await t.db.backupRun.create({
    data: {
      policyId: ledgerPolicy.id,
      serviceId: ledger.id,
      externalId: "l1",
      status: "succeeded",
      startedAt: minutesAgo(305),
      finishedAt: minutesAgo(300),
    },
  });
  const runbook = await t.db.runbook.create({ data: { systemId: system.id, name: "restore" } });
  const run = (drillDaysAgo: number) =>
    t.db.recoveryRun.create({
      data: {
        runbookId: runbook.id,
        drill: true,
        runbookVersion: 1,
        runbookName: "restore",
        startedBy: "test",
        startedAt: daysAgo(drillDaysAgo),
        state: "succeeded",
      },
    });
  const recent = await run(10);
  const old = await run(100);
  await t.db.recoveryMeasurement.create({
    data: {
      serviceId: orders.id,
      runId: recent.id,
      drill: true,
      startedAt: daysAgo(10),
      verifiedAt: daysAgo(10),
      seconds: 600,
    },
  });
  await t.db.recoveryMeasurement.create({
    data: {
      serviceId: payments.id,
      runId: old.id,
      drill: true,
      startedAt: daysAgo(100),
      verifiedAt: daysAgo(100),
      seconds: 600,
    },
  });

  // Notifications: 2 failed webhooks and 1 failed email in the last day; older failures and successes do not count.
  const webhook = await t.db.notificationChannel.create({
    data: { name: "hook", type: "webhook", url: "https://hooks.test/x" },
  });
  const email = await t.db.notificationChannel.create({ data: { name: "mail", type: "email" } });
  const delivery = (channelId: string, status: "sent" | "failed", createdAt = new Date()) => ({
    channelId,
    kind: "matrix:declared",
    target: "x",
    status,
    createdAt,
  });
  await t.db.notificationDelivery.createMany({
    data: [
      delivery(webhook.id, "failed"),
      delivery(webhook.id, "failed", minutesAgo(60)),
      delivery(webhook.id, "failed", daysAgo(2)),
      delivery(email.id, "failed"),
      delivery(email.id, "sent"),
    ],
  });

  // Jobs: 3 escalation jobs, one of which failed for good; a recovery job being worked on.
  boss = await startBoss(createBoss(t.url));
  for (let i = 0; i < 3; i++) await boss.send(QUEUES.escalation, { i }, { retryLimit: 0 });
  await boss.send(QUEUES.recovery, { runId: "r" });
  const [failing] = await boss.fetch(QUEUES.escalation);
  await boss.fail(QUEUES.escalation, failing!.id, { reason: "test" });
  await boss.fetch(QUEUES.recovery);

  // A worker beat 5 s ago.
  await t.db
    .$executeRaw`INSERT INTO "WorkerHeartbeat" (id, host, pid, "seenAt") VALUES ('w1', 'h', 1, timezone('UTC', now()) - interval '5 seconds')`;
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false });
});

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong token with 401 when METRICS_TOKEN is set", async () => {
    const missing = await GET(new Request("http://lifeboat.test/api/metrics"));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await missing.text()).not.toContain("lifeboat_");
    expect(
      (
        await GET(
          new Request("http://lifeboat.test/api/metrics", {
            headers: { Authorization: "Bearer wrong-token-0123456789abc" },
          }),
        )
      ).status,
    ).toBe(401);
    expect(
      (await GET(new Request("http://lifeboat.test/api/metrics", { headers: { Authorization: `Basic ${TOKEN}` } })))
        .status,
    ).toBe(401);
  });

  it("answers Prometheus text with every metric under its type", async () => {
    const { types } = await scrape();
    const expected: Record<string, string> = {
      lifeboat_http_request_duration_seconds: "histogram",
      lifeboat_sse_open_streams: "gauge",
      lifeboat_sse_streams_refused_total: "counter",
      lifeboat_job_queue_depth: "gauge",
      lifeboat_job_queue_active: "gauge",
      lifeboat_job_failures_24h: "gauge",
      lifeboat_incidents_open: "gauge",
      lifeboat_services_rpo_band: "gauge",
      lifeboat_services_out_of_rpo: "gauge",
      lifeboat_services_rto_unproven: "gauge",
      lifeboat_notification_failures_24h: "gauge",
      lifeboat_workers_alive: "gauge",
      lifeboat_worker_heartbeat_age_seconds: "gauge",
      lifeboat_metrics_collect_success: "gauge",
      lifeboat_metrics_collect_duration_seconds: "gauge",
      // prom-client's default process metrics.
      process_cpu_seconds_total: "counter",
      process_resident_memory_bytes: "gauge",
      nodejs_eventloop_lag_seconds: "gauge",
      nodejs_heap_size_used_bytes: "gauge",
    };
    for (const [name, type] of Object.entries(expected)) expect(types.get(name), name).toBe(type);
  });

  it("reports the seeded figures", async () => {
    forgetDomainMetrics();
    const { value } = await scrape();
    expect(value("lifeboat_metrics_collect_success")).toBe(1);
    expect(value("lifeboat_incidents_open", { severity: "SEV1" })).toBe(2);
    expect(value("lifeboat_incidents_open", { severity: "SEV2" })).toBe(1);
    expect(value("lifeboat_incidents_open", { severity: "SEV3" })).toBe(0);
    expect(value("lifeboat_incidents_open", { severity: "SEV4" })).toBe(0);
    expect(value("lifeboat_services_rpo_band", { band: "within" })).toBe(1);
    expect(value("lifeboat_services_rpo_band", { band: "never" })).toBe(1);
    expect(value("lifeboat_services_rpo_band", { band: "severe" })).toBe(1);
    expect(value("lifeboat_services_rpo_band", { band: "no_target" })).toBe(1);
    expect(value("lifeboat_services_rpo_band", { band: "critical" })).toBe(0);
    expect(value("lifeboat_services_out_of_rpo")).toBe(2);
    expect(value("lifeboat_services_rto_unproven")).toBe(3);
    expect(value("lifeboat_notification_failures_24h", { channel_type: "webhook" })).toBe(2);
    expect(value("lifeboat_notification_failures_24h", { channel_type: "email" })).toBe(1);
    expect(value("lifeboat_notification_failures_24h", { channel_type: "sms" })).toBe(0);
    expect(value("lifeboat_job_queue_depth", { queue: QUEUES.escalation })).toBe(2);
    expect(value("lifeboat_job_failures_24h", { queue: QUEUES.escalation })).toBe(1);
    expect(value("lifeboat_job_queue_active", { queue: QUEUES.recovery })).toBe(1);
    expect(value("lifeboat_job_queue_depth", { queue: QUEUES.recovery })).toBe(0);
    expect(value("lifeboat_job_queue_depth", { queue: QUEUES.notify })).toBe(0);
    expect(value("lifeboat_workers_alive")).toBe(1);
    expect(value("lifeboat_worker_heartbeat_age_seconds")).toBeGreaterThanOrEqual(5);
    expect(value("lifeboat_worker_heartbeat_age_seconds")).toBeLessThan(30);
  });

  it("counts failed jobs that pg-boss has already archived", async () => {
    // As pg-boss's maintenance archives them: copies of the failed job, one failed an hour ago, one 3 days ago.
    const archive = (completed: string, archived: string) =>
      t.db.$executeRawUnsafe(
        `INSERT INTO pgboss.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on,
         singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output, archived_on)
       SELECT gen_random_uuid(), $1, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on,
         singleton_key, singleton_on, expire_in, created_on, now() - $2::interval, keep_until, dead_letter, policy, output, now() - $3::interval
       FROM pgboss.job WHERE state = 'failed' LIMIT 1`,
        QUEUES.notify,
        completed,
        archived,
      );
    expect(await archive("1 hour", "0 seconds")).toBe(1);
    expect(await archive("3 days", "2 days")).toBe(1);
    forgetDomainMetrics();
    const { value } = await scrape();
    expect(value("lifeboat_job_failures_24h", { queue: QUEUES.notify })).toBe(1);
    expect(value("lifeboat_job_failures_24h", { queue: QUEUES.escalation })).toBe(1);
  });

  it("reads the database at most once per 5 s, however many scrapes", async () => {
    forgetDomainMetrics();
    expect((await scrape()).value("lifeboat_incidents_open", { severity: "SEV4" })).toBe(0);
    const incident = await t.db.incident.create({ data: { title: "new", severity: "SEV4" } });
    // The route's own client (lib/db/client.ts getDb) is not asked anything for these.
    const routeDb = (globalThis as unknown as { lifeboatDb: Db }).lifeboatDb;
    const queries = vi.spyOn(routeDb, "$queryRaw");
    const [a, b] = await Promise.all([scrape(), scrape()]);
    expect(a.value("lifeboat_incidents_open", { severity: "SEV4" })).toBe(0);
    expect(b.value("lifeboat_incidents_open", { severity: "SEV4" })).toBe(0);
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
    forgetDomainMetrics();
    expect((await scrape()).value("lifeboat_incidents_open", { severity: "SEV4" })).toBe(1);
    await t.db.incident.delete({ where: { id: incident.id } });
  });

  it("records the latency of wrapped API routes: a sample per call, by route, method and status", async () => {
    const health = await import("@/app/api/health/route");
    const label = { route: "/api/health", method: "GET", status: "200" };
    const before = (await scrape()).value("lifeboat_http_request_duration_seconds_count", label) ?? 0;
    expect((await health.GET(new Request("http://lifeboat.test/api/health"))).status).toBe(200);
    const after = await scrape();
    expect(after.value("lifeboat_http_request_duration_seconds_count", label)).toBe(before + 1);
    expect(after.value("lifeboat_http_request_duration_seconds_bucket", { ...label, le: "+Inf" })).toBe(before + 1);
    expect(after.value("lifeboat_http_request_duration_seconds_sum", label)).toBeGreaterThan(0);
    // The scrapes themselves (and the refused ones) are requests too.
    expect(
      after.value("lifeboat_http_request_duration_seconds_count", {
        route: "/api/metrics",
        method: "GET",
        status: "401",
      }),
    ).toBe(3);
  });

  it("counts open timeline streams", async () => {
    const hub = new TimelineHub({ connectionString: t.url, db: t.db });
    try {
      const open = async () => (await scrape()).value("lifeboat_sse_open_streams");
      const before = (await open()) ?? 0;
      const response = await timelineStream({ hub, afterId: BigInt(0), heartbeatMs: 60_000 });
      const reader = response.body!.getReader();
      await reader.read();
      await waitFor(async () => (await open()) === before + 1, 5_000, "the stream to be counted");
      await reader.cancel();
      expect(await open()).toBe(before);
    } finally {
      await hub.close();
    }
  });

  it("leaves the domain figures out, and says so, when the database cannot answer", async () => {
    const { refreshDomainMetrics } = await import("@/lib/operate/domain-metrics");
    const { createPrismaClient } = await import("@/lib/db/client");
    const dead = createPrismaClient("postgresql://nobody@127.0.0.1:1/none");
    try {
      forgetDomainMetrics();
      await refreshDomainMetrics(dead);
      const { registry } = (await import("./metrics")).metrics();
      const { value, types } = parseExposition(await registry.metrics());
      expect(value("lifeboat_metrics_collect_success")).toBe(0);
      expect(value("lifeboat_incidents_open", { severity: "SEV1" })).toBeUndefined();
      expect(types.get("lifeboat_incidents_open")).toBe("gauge");
      expect(value("process_cpu_seconds_total")).toBeGreaterThan(0);
    } finally {
      await dead.$disconnect();
      forgetDomainMetrics();
    }
  });
});

describe("GET /api/metrics without METRICS_TOKEN", () => {
  it("is open to anyone", async () => {
    vi.resetModules();
    vi.stubEnv("METRICS_TOKEN", "");
    ({ GET } = await import("@/app/api/metrics/route"));
    const { value } = await scrape(null);
    expect(value("lifeboat_incidents_open", { severity: "SEV1" })).toBe(2);
  });
});
