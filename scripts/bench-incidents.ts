// `npm run bench:incidents`: the live timeline and alert intake against a production build on a throwaway
// embedded Postgres with the demo data. Prints, each next to its raw baseline:
// - stream fan-out: 200 signed-in SSE clients on one incident, 200 events written through appendTimeline;
//   latency = commit returned → event parsed by a client (vs. pg NOTIFY → raw LISTEN clients);
// - alert intake with wrk: an Alertmanager retry storm (dedup path) and distinct alerts (each opens an
//   incident), vs. GET /api/health on the same server and the same SQL through plain pg.
import os from "node:os";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { appendTimeline, type TimelineEntry } from "@/lib/incidents/timeline";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/tokens/tokens";
import { alertmanagerBody, luaBody, luaString, UNIQUE } from "./lib/alertmanager-payload";
import { benchCli, cleanUpOnce, invokedAs, rateRatio, type BenchOptions, type BenchResult } from "./lib/bench-run";
import { ensureBuild } from "./lib/ensure-build";
import { Deliveries, paced, sleep } from "./lib/fan-out";
import { inPool, percentiles, type Percentiles } from "./lib/measure";
import { signIn } from "./lib/sign-in";
import { openSse, type SseStream } from "./lib/sse-client";
import { startAppServer, startThrowawayDatabase, type AppServer, type ThrowawayDatabase } from "./lib/throwaway";
import { ensureWrk, wrkGet, wrkPost, type WrkResult } from "./lib/wrk";

const CLIENTS = 200;
const EVENTS = 200;
const PACE_MS = 25;
const WRK_SECONDS = 8;
const CONNECTIONS = 16;
// A storm as Alertmanager sends it: one group (e.g. one alert per instance) re-sent over and over.
const STORM_ALERTS = 10;
const RAW_TRANSACTIONS = 2000;
const GOAL_P99_MS = 200;
const GOAL_ALERTS_PER_S = 1500;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

// Raw floor: N LISTEN connections and one NOTIFY sender, no app in between. The embedded cluster allows
// 200 connections, so this runs before anything else connects and takes every slot but the sender's.
async function rawNotifyBaseline(url: string) {
  const sender = new pg.Client({ connectionString: url });
  await sender.connect();
  const slots = await sender.query<{ free: number }>(
    `SELECT current_setting('max_connections')::int - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS free`,
  );
  const listeners: pg.Client[] = [];
  const deliveries = new Deliveries(Math.min(CLIENTS, slots.rows[0]!.free));
  try {
    await inPool([...Array(deliveries.clients).keys()], 20, async (i) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on("notification", (message) => deliveries.receive(i, message.payload ?? "", performance.now()));
      await client.query("LISTEN bench_raw");
      listeners.push(client);
    });
    await paced(EVENTS, PACE_MS, async (i) => {
      await sender.query("SELECT pg_notify('bench_raw', $1)", [String(i)]);
      deliveries.sentAt.set(String(i), performance.now());
    });
    await deliveries.settle(10_000);
    return deliveries.summary();
  } finally {
    await Promise.all([sender, ...listeners].map((c) => c.end().catch(() => {})));
  }
}

async function streamFanOut(db: Db, baseUrl: string) {
  const cookie = await signIn(baseUrl, "admin@lifeboat.local", "lifeboat-demo");
  const incident = await db.incident.create({ data: { title: "Bench: stream fan-out", severity: "SEV2" } });
  const after = (await db.timelineEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
  const deliveries = new Deliveries(CLIENTS);
  const streams: SseStream[] = [];
  let parseErrors = 0;
  const url = `${baseUrl}/api/incidents/stream?incident=${incident.id}&after=${after}`;
  const write = async (message: string) => {
    const [entry] = await db.$transaction((tx) =>
      appendTimeline(tx, { incidentId: incident.id, kind: "note", actor: { name: "bench" }, message }),
    );
    return entry!;
  };
  const opening = performance.now();
  try {
    await inPool([...Array(CLIENTS).keys()], 25, async (i) => {
      const stream = await openSse(url, { Cookie: cookie }, (event) => {
        if (event.event !== "timeline") return;
        try {
          const entry = JSON.parse(event.data) as TimelineEntry;
          if (entry.id !== event.id || entry.incidentId !== incident.id) parseErrors += 1;
          deliveries.receive(i, entry.id, event.receivedAt);
        } catch {
          parseErrors += 1;
        }
      });
      streams.push(stream);
    });
    // A stream subscribes after its headers are sent: one event that every client has seen proves all
    // 200 are live, so the measured events below are not inflated by a late subscription's replay.
    const warmup = await write("bench warm-up");
    for (let waited = 0; !deliveries.everyoneHas(warmup.id); waited += 20) {
      if (waited > 30_000) throw new Error("not every stream received the warm-up event within 30 s");
      await sleep(20);
    }
    const ready = performance.now() - opening;
    const commits: number[] = [];
    await paced(EVENTS, PACE_MS, async (i) => {
      const started = performance.now();
      const entry = await write(`bench event ${i}`);
      const committed = performance.now();
      deliveries.sentAt.set(entry.id, committed);
      commits.push(committed - started);
    });
    await deliveries.settle(10_000);
    const summary = deliveries.summary();
    // The warm-up event is not a measured one, but it was received once per client.
    return {
      ...summary,
      unexpected: summary.unexpected - CLIENTS,
      parseErrors,
      commit: percentiles(commits),
      readyMs: ready,
    };
  } finally {
    streams.forEach((s) => s.close());
  }
}

async function alertIntake(db: Db, baseUrl: string, url: string) {
  const { token } = await createApiToken(db, { system: "bench" }, { name: "bench", scopes: ["alerts:write"] });
  const run = Date.now().toString(36);
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
  const stormKey = `{}:{alertname="BenchStorm-${run}"}`;
  const stormFingerprints = Array.from({ length: STORM_ALERTS }, (_, i) => `storm-${run}-${i}`);
  const storm = luaString(JSON.stringify(alertmanagerBody(stormKey, stormFingerprints)));
  const coldPrefix = `{}:{alertname="BenchCold-${run}"}-`;
  const cold = luaBody(JSON.stringify(alertmanagerBody(`${coldPrefix}${UNIQUE}`, [`cold-${run}-${UNIQUE}`])));
  const post = (body: string, seconds: number) =>
    wrkPost({
      url: baseUrl,
      path: "/api/v1/alerts/alertmanager",
      headers,
      luaBody: body,
      connections: CONNECTIONS,
      seconds,
    });

  const warmup = post(storm, 3); // JIT, pools and the storm's incident, as in a long-running server
  const health = wrkGet({ url: baseUrl, path: "/api/health", connections: CONNECTIONS, seconds: WRK_SECONDS });
  const dedup = post(storm, WRK_SECONDS);
  const distinct = post(cold, WRK_SECONDS);

  const stormIncidents = await db.incident.count({ where: { source: "alertmanager", dedupKey: stormKey } });
  const stormAlerts = await db.alert.aggregate({
    where: { dedupKey: { in: stormFingerprints } },
    _count: true,
    _sum: { receivedCount: true },
  });
  const coldIncidents = await db.incident.count({
    where: { source: "alertmanager", dedupKey: { startsWith: coldPrefix } },
  });
  const stormAnswered = warmup.total - warmup.failed + dedup.total - dedup.failed;

  const raw = await rawIntakeBaseline(url, token, stormFingerprints);
  return {
    health,
    dedup,
    distinct,
    raw,
    checks: {
      stormIncidents,
      stormAlertRows: stormAlerts._count,
      // Every answered storm delivery counts once per alert (the first creates both at 1). wrk leaves out
      // the requests in flight when it stops, which the server still serves: the database may hold more.
      stormReceived: stormAlerts._sum.receivedCount ?? 0,
      stormExpected: stormAnswered * stormFingerprints.length,
      coldIncidents,
      coldAnswered: distinct.total - distinct.failed,
    },
  };
}

// The same statements as one intake request (token lookup, locks, reads, writes, NOTIFY) through plain
// pg on CONNECTIONS connections: what Postgres alone allows, without Next, Prisma and the job queue.
async function rawIntakeBaseline(url: string, token: string, stormFingerprints: string[]) {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  // pool.end() resolves before its sockets are closed; stopping the database right after then kills a
  // closing client, whose error would otherwise crash the script.
  pool.on("error", () => {});
  const prefix = token.split("_")[1]!;
  const transaction = async (statements: (client: pg.PoolClient) => Promise<unknown>) => {
    const client = await pool.connect();
    try {
      await client.query(`SELECT id, "tokenHash", scopes FROM "ApiToken" WHERE prefix = $1`, [prefix]);
      await client.query("BEGIN");
      await statements(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };
  const lock = (client: pg.PoolClient, key: string) =>
    client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
  const rate = async (fn: (i: number) => Promise<void>) => {
    const started = performance.now();
    await inPool([...Array(RAW_TRANSACTIONS).keys()], CONNECTIONS, fn);
    return RAW_TRANSACTIONS / ((performance.now() - started) / 1000);
  };
  try {
    // A pure repeat is one statement in Lifeboat (lib/incidents/alerts/intake.ts recordPureRepeats): the same here.
    const dedup = await rate(async () => {
      await pool.query(`SELECT id, "tokenHash", scopes FROM "ApiToken" WHERE prefix = $1`, [prefix]);
      await pool.query(
        `WITH incoming AS (SELECT * FROM unnest($1::text[], $2::text[]) AS x(key, status)),
         matched AS (SELECT a.id FROM "Alert" a JOIN "Incident" i ON i.id = a."incidentId" AND i.status <> 'resolved'
                     JOIN incoming x ON x.key = a."dedupKey" WHERE a.source = 'alertmanager' AND a.status::text = x.status
                     ORDER BY a.id FOR UPDATE OF a)
         UPDATE "Alert" a SET "lastSeenAt" = now(), "receivedCount" = a."receivedCount" + 1 FROM matched m WHERE a.id = m.id`,
        [stormFingerprints, stormFingerprints.map(() => "firing")],
      );
    });
    const run = Date.now().toString(36);
    const service = await pool.query<{ id: string; systemId: string }>(
      `SELECT id, "systemId" FROM "Service" WHERE name = 'Redis' LIMIT 1`,
    );
    const { id: serviceId, systemId } = service.rows[0]!;
    const cold = await rate((i) =>
      transaction(async (c) => {
        const id = `raw-${run}-${i}`;
        await lock(c, `alerts:alertmanager:group:${id}`);
        await lock(c, `alerts:alertmanager:${id}`);
        await c.query(
          `SELECT a.id FROM "Alert" a JOIN "Incident" i ON i.id = a."incidentId" WHERE a.source = 'alertmanager' AND a."dedupKey" = ANY($1) AND i.status <> 'resolved'`,
          [[id]],
        );
        await c.query(
          `SELECT id FROM "Incident" WHERE source = 'alertmanager' AND "dedupKey" = $1 AND status <> 'resolved' LIMIT 1`,
          [id],
        );
        await c.query(
          `SELECT s.id FROM "Service" s JOIN "System" y ON y.id = s."systemId" WHERE lower(s.name) = ANY($1)`,
          [["redis"]],
        );
        await c.query(
          `INSERT INTO "Incident" (id, title, "systemId", severity, source, "dedupKey", "updatedAt") VALUES ($1, 'raw', $2, 'SEV3', 'alertmanager', $1, now())`,
          [id, systemId],
        );
        await c.query(`INSERT INTO "IncidentService" ("incidentId", "serviceId") VALUES ($1, $2)`, [id, serviceId]);
        await c.query(
          `INSERT INTO "Alert" (id, source, "dedupKey", "incidentId", summary) VALUES ($1, 'alertmanager', $1, $1, 'raw')`,
          [id],
        );
        await c.query("SELECT pg_advisory_xact_lock(4242003)"); // the timeline's commit-order lock
        let last = "";
        for (const kind of ["declared", "escalation_fired", "alert_received"]) {
          last = (
            await c.query<{ id: string }>(
              `INSERT INTO "TimelineEvent" ("incidentId", kind, "actorName", message) VALUES ($1, $2, 'raw', 'raw') RETURNING id::text`,
              [id, kind],
            )
          ).rows[0]!.id;
        }
        await c.query("SELECT pg_notify('lifeboat_timeline', $1)", [last]);
      }),
    );
    return { dedup, cold };
  } finally {
    await pool.end();
  }
}

const ms = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} / ${p.max.toFixed(1)}`;
const rates = (r: WrkResult, alertsPerRequest = 1) =>
  `${r.rate.toFixed(0)} req/s${alertsPerRequest > 1 ? ` (${(r.rate * alertsPerRequest).toFixed(0)} alerts/s)` : ""}, p50 ${r.p50Ms.toFixed(1)} / p99 ${r.p99Ms.toFixed(1)} ms, non-2xx ${r.failed}`;

export async function runIncidentsBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  if (!ensureWrk(options.log)) throw new Error("wrk is needed for the intake figures (apt-get install wrk)");
  let database: ThrowawayDatabase | undefined;
  let server: AppServer | undefined;
  let db: Db | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      // The server first, so it does not log the database going away under it.
      await Promise.race([server?.stop(), sleep(10_000)]);
      await db?.$disconnect().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench");
    const url = database.url;
    const loadBefore = load();
    options.log(`Raw baseline: pg NOTIFY to LISTEN clients (${EVENTS} messages, one every ${PACE_MS} ms)…`);
    const raw = await rawNotifyBaseline(url);

    db = createPrismaClient(url);
    await seedDemo(db);
    // All 200 clients are the demo admin: lift the per-user stream cap (default 10) for the measurement.
    server = await startAppServer(url, { env: { LOG_LEVEL: "warn", STREAMS_PER_USER: String(CLIENTS) } });
    options.log(`Stream fan-out: ${CLIENTS} SSE clients, ${EVENTS} events, one every ${PACE_MS} ms…`);
    const stream = await streamFanOut(db, server.baseUrl);
    options.log(`Alert intake: wrk, ${CONNECTIONS} connections, ${WRK_SECONDS} s per case…`);
    const intake = await alertIntake(db, server.baseUrl, url);

    const report = options.report;
    const row = (label: string, value: string, baseline: string) =>
      report(`${label.padEnd(46)} ${value.padEnd(64)} ${baseline}`);
    report(
      `\nLatencies in ms: p50 / p95 / p99 / max. ${CLIENTS} streams became live in ${stream.readyMs.toFixed(0)} ms.`,
    );
    // A NOTIFY reaches a listener at commit, which can be before the sender has parsed its own reply.
    report("Raw NOTIFY latencies below 0: delivered before the sender's own query returned.");
    report(
      `Load average before / after: ${loadBefore} / ${load()} (other processes on this machine skew every figure).\n`,
    );
    row("measurement", "lifeboat", "raw baseline");
    row(
      `timeline fan-out: ${CLIENTS} SSE × ${EVENTS} events`,
      ms(stream.latency),
      `pg NOTIFY → ${raw.clients} LISTEN clients: ${ms(raw.latency)}`,
    );
    row(
      "  deliveries",
      `${stream.delivered}/${stream.expected}, missing ${stream.missing}, dup ${stream.duplicates}, bad ${stream.parseErrors + stream.unexpected}`,
      `${raw.delivered}/${raw.expected}, missing ${raw.missing}, dup ${raw.duplicates}`,
    );
    row("  appendTimeline transaction (write side)", ms(stream.commit), "");
    row("HTTP ceiling: GET /api/health", rates(intake.health), "");
    row(
      `alert intake: retry storm (${STORM_ALERTS} alerts/delivery)`,
      rates(intake.dedup, STORM_ALERTS),
      `same SQL via pg: ${intake.raw.dedup.toFixed(0)} deliveries/s`,
    );
    row(
      "alert intake: distinct alerts (new incident)",
      rates(intake.distinct),
      `core rows via pg: ${intake.raw.cold.toFixed(0)} incidents/s`,
    );
    const c = intake.checks;
    row(
      "  database check",
      `storm: ${c.stormIncidents} incident, ${c.stormAlertRows} alert rows, received ${c.stormReceived} (≥ ${c.stormExpected})`,
      `distinct: ${c.coldIncidents} incidents (≥ ${c.coldAnswered} 2xx answers)`,
    );

    const verdict = (ok: boolean) => (ok ? "MET" : "NOT MET");
    const stormAlerts = intake.dedup.rate * STORM_ALERTS;
    report(`\nGoals on this machine (${os.cpus().length} cores, app + Postgres + load generator together):`);
    report(
      `  stream p99 < ${GOAL_P99_MS} ms: ${verdict(stream.latency.p99 < GOAL_P99_MS && stream.missing === 0)} (p99 ${stream.latency.p99.toFixed(1)} ms, ${stream.missing} missing)`,
    );
    report(
      `  intake ≥ ${GOAL_ALERTS_PER_S} alerts/s, retry storm: ${verdict(stormAlerts >= GOAL_ALERTS_PER_S)} (${stormAlerts.toFixed(0)} alerts/s = ${intake.dedup.rate.toFixed(0)} deliveries/s × ${STORM_ALERTS})`,
    );
    report(
      `  intake ≥ ${GOAL_ALERTS_PER_S} alerts/s, distinct alerts: ${verdict(intake.distinct.rate >= GOAL_ALERTS_PER_S)} (${intake.distinct.rate.toFixed(0)} alerts/s, each a new incident)`,
    );

    const problems = [
      stream.missing || stream.duplicates || stream.parseErrors || stream.unexpected
        ? "stream deliveries were missing, doubled or malformed"
        : "",
      c.stormIncidents !== 1 ? `the retry storm opened ${c.stormIncidents} incidents instead of 1` : "",
      intake.dedup.failed || intake.distinct.failed ? "some intake requests were not 2xx" : "",
      c.stormReceived < c.stormExpected || c.stormAlertRows !== STORM_ALERTS
        ? "the storm's alert rows do not account for every delivery"
        : "",
      c.coldIncidents < c.coldAnswered ? "distinct alerts answered 2xx without an incident" : "",
    ].filter(Boolean);
    const p = (x: Percentiles) => `${x.p50.toFixed(1)} / ${x.p99.toFixed(1)}`;
    return {
      rows: [
        {
          measurement: `timeline fan-out, ${CLIENTS} SSE clients × ${EVENTS} events, commit → client (p50 / p99 ms)`,
          lifeboat: `${p(stream.latency)}, ${stream.missing} missing`,
          baseline: `pg NOTIFY → ${raw.clients} LISTEN clients ${p(raw.latency)}`,
          note: `goal p99 < ${GOAL_P99_MS} ms`,
        },
        {
          measurement: `alert intake, retry storm (${STORM_ALERTS} alerts/delivery, ${CONNECTIONS} connections)`,
          lifeboat: `${intake.dedup.rate.toFixed(0)} deliveries/s (${stormAlerts.toFixed(0)} alerts/s)`,
          baseline: `same SQL via pg ${intake.raw.dedup.toFixed(0)}/s`,
          ratio: rateRatio(intake.dedup.rate, intake.raw.dedup),
          note: `goal ≥ ${GOAL_ALERTS_PER_S} alerts/s`,
        },
        {
          measurement: "alert intake, distinct alerts (each opens an incident)",
          lifeboat: `${intake.distinct.rate.toFixed(0)} incidents/s`,
          baseline: `core rows via pg ${intake.raw.cold.toFixed(0)}/s`,
          ratio: rateRatio(intake.distinct.rate, intake.raw.cold),
        },
      ],
      problems,
    };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-incidents")) benchCli(runIncidentsBench);
