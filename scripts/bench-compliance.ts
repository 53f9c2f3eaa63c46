// `npm run bench:compliance`: the compliance page's data on 2,000 services, 500,000 backup runs and 20,000 RTO
// measurements (scripts/lib/compliance-seed.ts) in a throwaway embedded Postgres. Prints, each next to its raw
// baseline, p50 / p95 of 20 runs after a warm-up:
// - findComplianceRows for the whole fleet, tier 1, one system and status=fail, against the very statement it
//   sends (captured, not copied: the same text and values) run on a bare pg client — the ratio is the app's
//   overhead (Prisma, mapping, verdicts);
// - findComplianceTrends (three statements at once) against the same three on three pg connections;
// - findServiceMeasurements (two statements at once) against the same two;
// - GET /compliance and /compliance?tier=1 on a production build, signed in: time to first byte and total;
// - where the whole-fleet statement spends its time (EXPLAIN ANALYZE, exclusive time per plan node).
// Goals (the compliance issue): data ≤ 2× raw SQL, page < 300 ms.
import { existsSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import type { ComplianceFilter } from "@/lib/compliance/filter";
import { findComplianceRows, findComplianceView } from "@/lib/compliance/queries";
import { findComplianceTrends, findServiceMeasurements } from "@/lib/compliance/trends";
import { createPrismaClient, UTC_SESSION, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  benchCli,
  cleanUpOnce,
  phaseClock,
  invokedAs,
  timeRatio,
  type BenchOptions,
  type BenchResult,
  type SummaryRow,
} from "./lib/bench-run";
import { captureStatements } from "./lib/capture-sql";
import { SERVICES, seedComplianceBench } from "./lib/compliance-seed";
import { ensureBuild } from "./lib/ensure-build";
import { sleep } from "./lib/fan-out";
import { percentiles, type Timing } from "./lib/measure";
import { signIn } from "./lib/sign-in";
import { startAppServer, startThrowawayDatabase, type AppServer, type ThrowawayDatabase } from "./lib/throwaway";

const RUNS = 20;
const PAGE = "app/(app)/compliance/page.tsx";
const PAGE_GOAL_MS = 300;
const RATIO_GOAL = 2;
const EMAIL = "bench-viewer@lifeboat.local";
const PASSWORD = "bench-viewer-password";
const SYSTEM = "bsys7";
const SERVICE = "bsvc321";

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const ms = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;

/** Times the functions in turn, round after round (one warm-up each), so a busy neighbour slows all alike. */
async function interleaved(fns: (() => Promise<unknown>)[], runs = RUNS): Promise<Timing[]> {
  for (const fn of fns) await fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      samples[k]!.push(performance.now() - started);
    }
  }
  return samples.map(percentiles);
}

/** Exclusive time per plan node of one EXPLAIN ANALYZE run, slowest first (CTE work counts where it is pulled). */
async function explainHotspots(pool: pg.Pool, statement: Prisma.Sql, top = 6) {
  type PlanNode = {
    "Node Type": string;
    Strategy?: string;
    "Relation Name"?: string;
    "Index Name"?: string;
    "CTE Name"?: string;
    "Sort Method"?: string;
    "Actual Total Time": number;
    "Actual Rows": number;
    "Actual Loops": number;
    Plans?: PlanNode[];
  };
  const result = await pool.query(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    statement.values as unknown[],
  );
  const [{ Plan: root, "Execution Time": total }] = result.rows[0]["QUERY PLAN"] as [
    { Plan: PlanNode; "Execution Time": number },
  ];
  const nodes: { label: string; ms: number; rows: number }[] = [];
  const walk = (node: PlanNode) => {
    const inclusive = node["Actual Total Time"] * node["Actual Loops"];
    const children = (node.Plans ?? []).reduce(
      (sum, child) => sum + child["Actual Total Time"] * child["Actual Loops"],
      0,
    );
    const on = node["Relation Name"] ?? node["CTE Name"] ?? "";
    const detail = [
      node.Strategy && node.Strategy !== "Plain" && `(${node.Strategy})`,
      on && `on ${on}`,
      node["Index Name"] && `using ${node["Index Name"]}`,
      node["Sort Method"],
    ]
      .filter(Boolean)
      .join(" ");
    nodes.push({
      label: `${node["Node Type"]} ${detail}`.trim(),
      ms: Math.max(0, inclusive - children),
      rows: Math.round(node["Actual Rows"] * node["Actual Loops"]),
    });
    node.Plans?.forEach(walk);
  };
  walk(root);
  return { total, hotspots: nodes.sort((x, y) => y.ms - x.ms).slice(0, top) };
}

/** GET over one keep-alive socket: headers received (TTFB) and body complete, in ms. */
function timedGet(agent: http.Agent, baseUrl: string, path: string, cookie: string) {
  const url = new URL(path, baseUrl);
  return new Promise<{ ttfb: number; total: number; bytes: number }>((resolve, reject) => {
    const started = performance.now();
    const req = http.get(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, agent, headers: { Cookie: cookie } },
      (res) => {
        const ttfb = performance.now() - started;
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve({ ttfb, total: performance.now() - started, bytes })
            : reject(new Error(`${path}: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
  });
}

async function timePage(agent: http.Agent, baseUrl: string, path: string, cookie: string) {
  await timedGet(agent, baseUrl, path, cookie); // warm-up: compiled, JIT-ed, pools connected
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await timedGet(agent, baseUrl, path, cookie);
    ttfb.push(r.ttfb);
    total.push(r.total);
    bytes = r.bytes;
  }
  return { ttfb: percentiles(ttfb), total: percentiles(total), bytes };
}

type Row = { label: string; app: string; raw: string; ratio: string; goal: string; met: string };

export async function runComplianceBench(options: BenchOptions): Promise<BenchResult> {
  const { phase, total } = phaseClock();
  const loadBefore = load();
  const pageExists = existsSync(PAGE);
  if (pageExists && !options.built) await ensureBuild(options.log);
  phase("build check");
  let database: ThrowawayDatabase | undefined;
  let db: Db | undefined;
  let pool: pg.Pool | undefined;
  let server: AppServer | undefined;
  let agent: http.Agent | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      agent?.destroy();
      await Promise.race([server?.stop(), sleep(10_000)]);
      await pool?.end().catch(() => {});
      await db?.$disconnect().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench_compliance");
    const seedClient = new pg.Client({ connectionString: database.url, options: UTC_SESSION });
    await seedClient.connect();
    const seeded = await seedComplianceBench(seedClient);
    await seedClient.end();
    db = createPrismaClient(database.url);
    await db.user.create({
      data: { email: EMAIL, name: "Bench viewer", role: "viewer", passwordHash: await hashPassword(PASSWORD) },
    });
    // The baseline: a bare pg pool in the app's session settings (UTC, as lib/db/client.ts).
    pool = new pg.Pool({ connectionString: database.url, max: 4, options: UTC_SESSION });
    pool.on("error", (error) => console.error(`idle pg connection: ${error.message}`));
    const raw = (statement: Prisma.Sql) => pool!.query(statement.text, statement.values as unknown[]);
    phase("database + seed");
    options.log(
      `Seeded ${seeded.services} services, ${seeded.edges} dependencies, ${seeded.backupRuns} backup runs, ${seeded.drillRuns} drill runs, ` +
        `${seeded.measurements} RTO measurements, ${seeded.incidents} incidents in ${seeded.seconds.toFixed(1)} s. Measuring…`,
    );

    const rows: Row[] = [];
    const dataRow = (label: string, app: Timing, base: Timing, baseNote = "") => {
      const ratio = app.p50 / base.p50;
      rows.push({
        label,
        app: ms(app),
        raw: `${ms(base)}${baseNote}`,
        ratio: `${ratio.toFixed(2)}×`,
        goal: `≤ ${RATIO_GOAL}× raw`,
        met: ratio <= RATIO_GOAL ? "yes" : "NO",
      });
    };
    const filters: [string, ComplianceFilter][] = [
      [`rows: whole fleet (${SERVICES} services)`, {}],
      ["rows: tier 1 (500 services)", { tier: 1 }],
      [`rows: one system (${SYSTEM}, 50 services)`, { systemId: SYSTEM }],
    ];
    const statements = await Promise.all(
      filters.map(([, filter]) => captureStatements((r) => findComplianceRows(r, filter))),
    );
    if (statements.some((s) => s.length !== 1))
      throw new Error("findComplianceRows no longer sends exactly one statement");
    const [fleetStatement] = statements[0]!;
    // status=fail filters the verdicts in JS: its SQL is the whole-fleet statement, so is its baseline.
    const [failStatement] = await captureStatements((r) => findComplianceRows(r, { status: "fail" }));
    if (failStatement?.text !== fleetStatement!.text)
      throw new Error("status=fail no longer sends the whole-fleet statement: give it its own baseline");
    options.log(`Timing the data functions against the same SQL via pg (${RUNS} runs each)…`);
    let fleetRaw: Timing | undefined;
    let fleetApp: Timing | undefined;
    for (const [i, [label, filter]] of filters.entries()) {
      const statement = statements[i]![0]!;
      if (i > 0) {
        const [app, base] = await interleaved([() => findComplianceRows(db!, filter), () => raw(statement)]);
        dataRow(label, app!, base!);
        continue;
      }
      const [app, base, fail] = await interleaved([
        () => findComplianceRows(db!, filter),
        () => raw(statement),
        () => findComplianceRows(db!, { status: "fail" }),
      ]);
      dataRow(label, app!, base!);
      fleetRaw = base;
      fleetApp = app;
      dataRow("rows: status=fail (whole fleet, filtered in JS)", fail!, base!, " (whole-fleet SQL)");
    }
    phase("rows");

    const trendStatements = await captureStatements((r) => findComplianceTrends(r, {}));
    const [trends, trendsRaw] = await interleaved([
      () => findComplianceTrends(db!, {}),
      () => Promise.all(trendStatements.map(raw)),
    ]);
    dataRow(`trends: whole fleet (${trendStatements.length} statements at once)`, trends!, trendsRaw!);
    const chartStatements = await captureStatements((r) => findServiceMeasurements(r, SERVICE));
    const [one, oneRaw] = await interleaved([
      () => findServiceMeasurements(db!, SERVICE),
      () => Promise.all(chartStatements.map(raw)),
    ]);
    dataRow("one service's measurements (chart)", one!, oneRaw!, " (same 2 statements at once)");
    const views = await interleaved([() => findComplianceView(db!, {}), () => findComplianceView(db!, { tier: 1 })]);
    phase("trends, chart, page data");
    for (const [i, label] of ["whole fleet", "tier 1"].entries()) {
      rows.push({
        label: `page data: findComplianceView, ${label}`,
        app: ms(views[i]!),
        raw: "(rows + trends + coverage at once)",
        ratio: "",
        goal: "",
        met: "",
      });
    }

    const hot = await explainHotspots(pool, fleetStatement!);
    phase("explain");

    let pageNote = "";
    let fleetPage: Awaited<ReturnType<typeof timePage>> | undefined;
    if (pageExists) {
      options.log("Timing /compliance over HTTP (production build, signed in)…");
      server = await startAppServer(database.url, { env: { LOG_LEVEL: "warn" } });
      const cookie = await signIn(server.baseUrl, EMAIL, PASSWORD);
      agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const path of ["/compliance", "/compliance?tier=1"]) {
        const page = await timePage(agent, server.baseUrl, path, cookie);
        fleetPage ??= page;
        const met =
          page.total.p50 < PAGE_GOAL_MS && page.total.p95 < PAGE_GOAL_MS
            ? "yes"
            : page.total.p50 < PAGE_GOAL_MS
              ? "p50 only"
              : "NO";
        rows.push({
          label: `HTTP GET ${path} (${(page.bytes / 1024).toFixed(0)} KiB)`,
          app: ms(page.total),
          raw: `first byte ${ms(page.ttfb)}`,
          ratio: "",
          goal: `< ${PAGE_GOAL_MS} ms`,
          met,
        });
      }
      phase("app start + pages");
    } else {
      pageNote = `\n${PAGE} does not exist yet: the page was not measured.`;
    }

    const report = options.report;
    report(
      `\nTimes in ms, p50 / p95 of ${RUNS} runs after a warm-up; app and baseline alternate. Load average before: ${loadBefore}, now: ${load()} (2 cores: a busy neighbour shows).\n`,
    );
    const widths = [52, 17, 36, 7, 12, 8];
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    report(line(["measurement", "lifeboat", "raw baseline (same SQL via pg)", "ratio", "goal", "met"]));
    for (const r of rows) report(line([r.label, r.app, r.raw, r.ratio, r.goal, r.met]));
    const slow = rows.filter((r) => r.met === "NO").map((r) => r.label.replace(/ \(.*/, ""));
    if (pageNote) report(pageNote);
    report(
      `\nGoals: ${slow.length ? `NOT met for ${slow.join("; ")}.` : "met."} The whole-fleet statement alone takes ${ms(fleetRaw!)} ms through bare pg: where the time goes is below.`,
    );
    report(
      `\nWhole-fleet statement, EXPLAIN ANALYZE: ${hot.total.toFixed(0)} ms; slowest plan nodes (exclusive time):`,
    );
    for (const h of hot.hotspots)
      report(`  ${h.ms.toFixed(0).padStart(6)} ms  ${h.rows.toString().padStart(8)} rows  ${h.label}`);
    report(`\n${total()}`);

    const summary: SummaryRow[] = [
      {
        measurement: `compliance rows, whole fleet (${SERVICES} services; p50 / p95 ms)`,
        lifeboat: ms(fleetApp!),
        baseline: `same SQL via pg ${ms(fleetRaw!)}`,
        ratio: timeRatio(fleetApp!.p50, fleetRaw!.p50),
        note: `goal ≤ ${RATIO_GOAL}× raw`,
      },
    ];
    if (fleetPage) {
      summary.push({
        measurement: "HTTP GET /compliance, whole fleet, signed in (p50 / p95 ms)",
        lifeboat: ms(fleetPage.total),
        baseline: `its main SQL via pg ${ms(fleetRaw!)}`,
        ratio: timeRatio(fleetPage.total.p50, fleetRaw!.p50),
        note: `goal < ${PAGE_GOAL_MS} ms`,
      });
    }
    return { rows: summary, problems: [] };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-compliance")) benchCli(runComplianceBench);
