// `npm run bench:backups`: 2,000 services and 500,000 backup runs in a throwaway embedded Postgres.
// Prints the fleet-freshness query (as the app runs it) next to the same SQL through a bare pg client,
// a naive GROUP BY aggregate for context, and backup-run ingestion over HTTP against a production build.
import pg from "pg";
import { findRpoBandCounts, FRESHNESS_CTE, findServiceFreshness } from "@/lib/backups/freshness";
import { createPrismaClient } from "@/lib/db/client";
import { createApiToken } from "@/lib/tokens/tokens";
import {
  benchCli,
  cleanUpOnce,
  invokedAs,
  rateRatio,
  timeRatio,
  type BenchOptions,
  type BenchResult,
} from "./lib/bench-run";
import { ensureBuild } from "./lib/ensure-build";
import { keepAliveClient } from "./lib/http-client";
import { inPool, sample } from "./lib/measure";
import { startAppServer, startThrowawayDatabase, type AppServer, type ThrowawayDatabase } from "./lib/throwaway";
import { ensureWrk, wrkPost } from "./lib/wrk";

const SERVICES = 2000;
const RUNS_PER_SERVICE = 250;
const RUNS = 20;
const INGEST = 3000;
const CONCURRENCY = 16;

const timeIt = (fn: () => Promise<unknown>) => sample(fn, RUNS);

export async function runBackupsBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  let database: ThrowawayDatabase | undefined;
  let server: AppServer | undefined;
  let raw: pg.Client | undefined;
  let db: ReturnType<typeof createPrismaClient> | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      await server?.stop();
      await db?.$disconnect().catch(() => {});
      await raw?.end().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench");
    const url = database.url;
    raw = new pg.Client({ connectionString: url });
    raw.on("error", () => {});
    await raw.connect();
    options.log(`Seeding ${SERVICES} services and ${SERVICES * RUNS_PER_SERVICE} backup runs…`);
    const seedStarted = performance.now();
    await raw.query(
      `INSERT INTO "TierDefault" (tier, "rtoMinutes", "rpoMinutes", "updatedAt") VALUES (1,15,60,now()),(2,60,240,now()),(3,240,1440,now()),(4,1440,2880,now())`,
    );
    await raw.query(
      `INSERT INTO "System" (id, name, "updatedAt") SELECT 'sys' || g, 'System ' || g, now() FROM generate_series(1, 20) g`,
    );
    await raw.query(`INSERT INTO "Service" (id, "systemId", name, tier, "rpoMinutes", "updatedAt")
      SELECT 'svc' || i, 'sys' || (1 + i % 20), 'service ' || i, 1 + i % 4, CASE WHEN i % 3 = 0 THEN NULL ELSE 60 * (1 + i % 24) END, now() FROM generate_series(1, ${SERVICES}) i`);
    await raw.query(`INSERT INTO "BackupPolicy" (id, "serviceId", name, "intervalMinutes", "requireVerified", "updatedAt")
      SELECT 'pol' || i, 'svc' || i, 'hourly', 60, i % 5 = 0, now() FROM generate_series(1, ${SERVICES}) i`);
    await raw.query(`INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "sizeBytes", verified, "updatedAt")
      SELECT 'pol' || i, 'svc' || i, 'r' || k, (CASE WHEN random() < 0.03 THEN 'failed' ELSE 'succeeded' END)::"BackupRunStatus",
             now() - make_interval(mins => (k * 60 + (i % 300))::int), now() - make_interval(mins => (k * 60 + (i % 300) - 5)::int), 1048576, random() > 0.1, now()
      FROM generate_series(1, ${SERVICES}) i, generate_series(1, ${RUNS_PER_SERVICE}) k`);
    await raw.query("ANALYZE");
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const runCount = (await raw.query(`SELECT count(*)::int AS n FROM "BackupRun"`)).rows[0].n;

    db = createPrismaClient(url);
    options.log(`Timing fleet freshness (${RUNS} runs each)…`);
    const app = await timeIt(() => findRpoBandCounts(db!));
    const appList = await timeIt(() => findServiceFreshness(db!, { limit: 100 }));
    // The exact SQL the app sends, through a bare pg client: the app's overhead is the difference.
    const same = await timeIt(() =>
      raw!.query(`${FRESHNESS_CTE.sql} SELECT band, count(*)::int AS n FROM banded GROUP BY band`),
    );
    const naive = await timeIt(() =>
      raw!
        .query(`SELECT p."serviceId", max(r."finishedAt") FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
                 WHERE r.status = 'succeeded' AND (r.verified OR NOT p."requireVerified") GROUP BY p."serviceId"`),
    );

    // Ingestion over HTTP against the production build.
    options.log(`Backup-run ingestion over HTTP, ${CONCURRENCY} connections…`);
    server = await startAppServer(url, { env: { LOG_LEVEL: "warn" } });
    const baseUrl = server.baseUrl;
    const { token } = await createApiToken(db, { system: "bench" }, { name: "bench", scopes: ["backups:write"] });
    // Each wrk connection numbers its own requests; the thread id keeps externalIds unique across threads.
    let ingestion: string;
    let ingestionRate: number;
    if (ensureWrk(options.log)) {
      const now = new Date().toISOString();
      const load = (phase: string, seconds: number) =>
        wrkPost({
          url: baseUrl,
          path: "/api/v1/backup-runs",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          luaBody: `'{"policyId":"pol' .. (1 + counter % ${SERVICES}) .. '","externalId":"${phase}-' .. tostring(wrk.thread):gsub("[^%w]", "") .. '-' .. counter .. '","status":"succeeded","startedAt":"${now}","finishedAt":"${now}","sizeBytes":1024,"verified":true}'`,
          connections: CONCURRENCY,
          seconds,
        });
      load("warmup", 3); // JIT and connection pools warm, as in a long-running server
      const result = load("measured", 10);
      if (result.failed > 0) throw new Error(`${result.failed} of ${result.total} ingestion requests were not 2xx`);
      ingestionRate = result.rate;
      ingestion = `${result.rate.toFixed(0)} runs/s (wrk)`;
    } else {
      const client = keepAliveClient(baseUrl, CONCURRENCY);
      const post = async (i: number) => {
        const body = JSON.stringify({
          policyId: `pol${1 + (i % SERVICES)}`,
          externalId: `bench-${i}`,
          status: "succeeded",
          startedAt: new Date(Date.now() - 60_000).toISOString(),
          finishedAt: new Date().toISOString(),
          sizeBytes: 1024,
          verified: true,
        });
        const response = await client.request(
          "POST",
          "/api/v1/backup-runs",
          { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body,
        );
        if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${response.body}`);
      };
      const ingestStarted = performance.now();
      await inPool(
        Array.from({ length: INGEST }, (_, i) => i),
        CONCURRENCY,
        post,
      );
      ingestionRate = INGEST / ((performance.now() - ingestStarted) / 1000);
      ingestion = `${ingestionRate.toFixed(0)} runs/s (node client)`;
      client.close();
    }
    const rawStarted = performance.now();
    const rawPool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
    await inPool(
      Array.from({ length: INGEST }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        await rawPool.query(
          `INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "updatedAt") VALUES ($1, $2, $3, 'succeeded', now(), now(), now())`,
          [`pol${1 + (i % SERVICES)}`, `svc${1 + (i % SERVICES)}`, `raw-${i}`],
        );
      },
    );
    const rawRate = INGEST / ((performance.now() - rawStarted) / 1000);
    await rawPool.end();

    options.report(
      `\nSeeded ${SERVICES} services and ${runCount} runs in ${seedSeconds.toFixed(1)} s. Times in ms (p50 / p95 of ${RUNS}).\n`,
    );
    const row = (label: string, value: string, baseline: string) =>
      options.report(`${label.padEnd(58)} ${value.padStart(16)}   ${baseline}`);
    row("measurement", "lifeboat", "raw baseline");
    row(
      "fleet freshness: count by band",
      `${app.p50.toFixed(1)} / ${app.p95.toFixed(1)}`,
      `${same.p50.toFixed(1)} / ${same.p95.toFixed(1)} same SQL via pg (${(app.p50 / same.p50).toFixed(2)}×)`,
    );
    row(
      "fleet freshness: worst 100 services",
      `${appList.p50.toFixed(1)} / ${appList.p95.toFixed(1)}`,
      `naive GROUP BY max(): ${naive.p50.toFixed(1)} / ${naive.p95.toFixed(1)}`,
    );
    row(
      `backup-run ingestion over HTTP (${CONCURRENCY} connections)`,
      ingestion,
      `raw pg INSERT: ${rawRate.toFixed(0)} rows/s`,
    );
    return {
      rows: [
        {
          measurement: `fleet freshness, count by band (${runCount} backup runs; p50 / p95 ms)`,
          lifeboat: `${app.p50.toFixed(1)} / ${app.p95.toFixed(1)}`,
          baseline: `same SQL via pg ${same.p50.toFixed(1)} / ${same.p95.toFixed(1)}`,
          ratio: timeRatio(app.p50, same.p50),
        },
        {
          measurement: `backup-run ingestion over HTTP, ${CONCURRENCY} connections`,
          lifeboat: ingestion,
          baseline: `bare pg INSERT ${rawRate.toFixed(0)} rows/s`,
          ratio: rateRatio(ingestionRate, rawRate),
        },
      ],
      problems: [],
    };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-backups")) benchCli(runBackupsBench);
