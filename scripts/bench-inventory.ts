// `npm run bench:inventory`: seeds 5,000 services with ~15,000 dependencies into a throwaway embedded
// Postgres and prints how long the inventory reads take: the data functions behind each page, and the
// real /inventory page over HTTP from a production build. Figures, not pass/fail. The service-list rows
// also show their raw baseline: the very statements the data functions send (captured), through bare pg.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { findServiceDetail } from "@/lib/inventory/service-detail";
import { findServiceCount, findServicePage, serviceListQuerySchema } from "@/lib/inventory/service-list";
import { findSystemRecoveryOrder } from "@/lib/inventory/system-order";
import {
  benchCli,
  cleanUpOnce,
  invokedAs,
  timeRatio,
  type BenchOptions,
  type BenchResult,
  type SummaryRow,
} from "./lib/bench-run";
import { captureStatements } from "./lib/capture-sql";
import { ensureBuild } from "./lib/ensure-build";
import { sample, type Timing } from "./lib/measure";
import { startAppServer, startThrowawayDatabase, type AppServer, type ThrowawayDatabase } from "./lib/throwaway";

const SYSTEMS = 10;
const PER_SYSTEM = 500;
const EDGES_PER_SERVICE = 3;
const RUNS = 30;

type Row = { label: string; app: Timing; raw?: Timing };

async function time(label: string, fn: () => Promise<unknown>, rows: Row[], raw?: () => Promise<unknown>) {
  const app = await sample(fn, RUNS);
  rows.push({ label, app, raw: raw ? await sample(raw, RUNS) : undefined });
  return rows.at(-1)!;
}

const pair = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(
    `INSERT INTO "TierDefault" (tier, "rtoMinutes", "rpoMinutes", "updatedAt") VALUES (1,15,5,now()),(2,60,60,now()),(3,240,240,now()),(4,1440,1440,now())`,
  );
  await client.query(
    `INSERT INTO "System" (id, name, "updatedAt") SELECT 'sys' || g, 'System ' || g, now() FROM generate_series(1, ${SYSTEMS}) g`,
  );
  await client.query(`
    INSERT INTO "Service" (id, "systemId", name, kind, tier, "rtoMinutes", "rpoMinutes", owner, "updatedAt")
    SELECT 'svc' || s || '-' || i, 'sys' || s, 'service ' || lpad(i::text, 4, '0'),
           (ARRAY['api','database','cache','queue','frontend'])[1 + i % 5], 1 + (i * 7) % 4,
           CASE WHEN i % 3 = 0 THEN NULL ELSE 5 + (i * 13) % 600 END, CASE WHEN i % 2 = 0 THEN NULL ELSE 1 + (i * 11) % 1440 END,
           'team ' || (i % 20), now()
    FROM generate_series(1, ${SYSTEMS}) s, generate_series(1, ${PER_SYSTEM}) i`);
  // Each service depends on up to three earlier services of its system (so the graph is a DAG),
  // plus every 50th service on one in the next system (cross-system edges).
  await client.query(`
    INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId")
    SELECT DISTINCT 'svc' || s || '-' || i, 'svc' || s || '-' || (1 + floor(random() * (i - 1)))::int
    FROM generate_series(1, ${SYSTEMS}) s, generate_series(2, ${PER_SYSTEM}) i, generate_series(1, ${EDGES_PER_SERVICE}) k
    ON CONFLICT DO NOTHING`);
  await client.query(`
    INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId")
    SELECT 'svc' || s || '-' || i, 'svc' || (s + 1) || '-1' FROM generate_series(1, ${SYSTEMS - 1}) s, generate_series(50, ${PER_SYSTEM}, 50) i
    ON CONFLICT DO NOTHING`);
  await client.query("ANALYZE");
  const counts = await client.query(
    `SELECT (SELECT count(*) FROM "Service")::int AS services, (SELECT count(*) FROM "ServiceDependency")::int AS edges`,
  );
  await client.end();
  return { ...counts.rows[0], seconds: ((performance.now() - started) / 1000).toFixed(1) } as {
    services: number;
    edges: number;
    seconds: string;
  };
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

export async function runInventoryBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  let database: ThrowawayDatabase | undefined;
  let server: AppServer | undefined;
  let db: ReturnType<typeof createPrismaClient> | undefined;
  let raw: pg.Pool | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      await server?.stop();
      await raw?.end().catch(() => {});
      await db?.$disconnect().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench");
    const url = database.url;
    options.log(`Seeding ${SYSTEMS * PER_SYSTEM} services…`);
    const seeded = await seed(url);
    db = createPrismaClient(url);
    await db.user.create({
      data: {
        email: "bench@lifeboat.local",
        name: "Bench",
        role: "viewer",
        passwordHash: await hashPassword("bench-password"),
      },
    });
    // The raw baseline: a bare pg pool, the data functions' own statements.
    raw = new pg.Pool({ connectionString: url, max: 4 });
    raw.on("error", () => {});
    const rawSql = async (fn: (db: Db) => Promise<unknown>) => {
      const statements = await captureStatements((r) => fn(r as Db));
      return () =>
        Promise.all(statements.map((statement) => raw!.query(statement.text, statement.values as unknown[])));
    };

    options.log(`Timing the data functions (${RUNS} runs each)…`);
    const rows: Row[] = [];
    const q = (raw: Record<string, string>) => serviceListQuerySchema.parse(raw);
    const firstPageSql = await rawSql((r) => findServicePage(r, q({})));
    // findServiceCount goes through Prisma's model API (not capturable): its plain SQL is a count(*).
    const firstPageRaw = () => Promise.all([firstPageSql(), raw!.query(`SELECT count(*)::int AS n FROM "Service"`)]);
    const firstPage = await time(
      "service list: first page (data)",
      () => Promise.all([findServicePage(db!, q({})), findServiceCount(db!, {})]),
      rows,
      firstPageRaw,
    );
    const deep = await (async () => {
      let after: string | null = null;
      for (let i = 0; i < 60; i++) after = (await findServicePage(db!, q(after ? { after } : {}))).nextCursor;
      return after!;
    })();
    await time(
      "service list: page 61, cursor (data)",
      () => findServicePage(db!, q({ after: deep })),
      rows,
      await rawSql((r) => findServicePage(r, q({ after: deep }))),
    );
    const searchQuery = q({ q: "service 04", sort: "rto" });
    await time(
      "service list: text search + sort by RTO",
      () => findServicePage(db!, searchQuery),
      rows,
      await rawSql((r) => findServicePage(r, searchQuery)),
    );
    await time("recovery order: system of 500 (SQL + waves)", () => findSystemRecoveryOrder(db!, "sys5"), rows);
    await time("service page: hub with its blast radius", () => findServiceDetail(db!, "svc5-1"), rows);

    options.log("Timing the pages over HTTP (production build)…");
    server = await startAppServer(url);
    const baseUrl = server.baseUrl;
    const cookie = await signIn(baseUrl, "bench@lifeboat.local", "bench-password");
    const get = (pathname: string) => async () => {
      const response = await fetch(`${baseUrl}${pathname}`, { headers: { Cookie: cookie } });
      if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status}`);
      await response.text();
    };
    const page = await time("HTTP GET /inventory (whole page, server)", get("/inventory"), rows);
    await time("HTTP GET /inventory/systems/sys5 (500 services)", get("/inventory/systems/sys5"), rows);

    options.report(
      `\nSeeded ${seeded.services} services and ${seeded.edges} dependencies in ${seeded.seconds} s (${RUNS} runs each, ms; raw: the same SQL via bare pg)\n`,
    );
    const widths = [50, 8, 8, 8, 10];
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" ");
    options.report(line(["measurement", "p50", "p95", "max", "raw p50"]));
    for (const row of rows)
      options.report(
        line([
          row.label,
          row.app.p50.toFixed(1),
          row.app.p95.toFixed(1),
          row.app.max.toFixed(1),
          row.raw ? row.raw.p50.toFixed(1) : "",
        ]),
      );

    const summary: SummaryRow[] = [
      {
        measurement: `service list, first page + count (${seeded.services} services; p50 / p95 ms)`,
        lifeboat: pair(firstPage.app),
        baseline: `same SQL via pg ${pair(firstPage.raw!)}`,
        ratio: timeRatio(firstPage.app.p50, firstPage.raw!.p50),
      },
      {
        measurement: "HTTP GET /inventory, signed in (p50 / p95 ms)",
        lifeboat: pair(page.app),
        baseline: `its list SQL via pg ${pair(firstPage.raw!)}`,
        ratio: timeRatio(page.app.p50, firstPage.raw!.p50),
      },
    ];
    return { rows: summary, problems: [] };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-inventory")) benchCli(runInventoryBench);
