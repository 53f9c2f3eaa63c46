// Candidate fixes for the compliance statements' cost, measured on the bench data (`npm run bench:compliance --
// --candidates`). Both expensive parts — seconds out of RPO over 30/90 days (findComplianceRows) and RPO
// violations per week (findComplianceTrends) — run a window function over every good backup of the period
// (~360,000 and ~475,000 rows here), sorted on disk. Two fixes, each checked to give the same answer as the
// current statement (run in one transaction, so now() is the same):
// A. a partial covering index on good runs, and the LAG per service in a LATERAL subquery that reads it in
//    order (no global sort);
// B. a table of gaps between consecutive good backups per service (maintained on ingest), so that only gaps
//    longer than the RPO are read — a few per service instead of every backup.
// These are proofs on a throwaway database, not code for lib/: they rewrite the captured statements' text.
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { percentiles, type Timing } from "./measure";

const RUNS = 20;

const INDEX = `CREATE INDEX "BackupRun_good_idx" ON "BackupRun" ("serviceId", "finishedAt") INCLUDE ("policyId", verified) WHERE status = 'succeeded'`;

const GAPS = [
  `CREATE TABLE "BackupGap" AS
     SELECT r."serviceId", lag(r."finishedAt") OVER w AS "fromAt", r."finishedAt" AS "toAt",
            COALESCE(EXTRACT(EPOCH FROM r."finishedAt" - lag(r."finishedAt") OVER w)::float8, 'Infinity') AS seconds
     FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
     WHERE r.status = 'succeeded' AND r."finishedAt" IS NOT NULL AND (r.verified OR NOT p."requireVerified")
     WINDOW w AS (PARTITION BY r."serviceId" ORDER BY r."finishedAt")`,
  `CREATE INDEX "BackupGap_long_idx" ON "BackupGap" ("serviceId", seconds) INCLUDE ("fromAt", "toAt")`,
  `CREATE INDEX "BackupGap_last_idx" ON "BackupGap" ("serviceId", "toAt")`,
  `VACUUM ANALYZE "BackupGap"`,
];

const RPO = `c."rpoMinutes" * interval '1 minute'`;
const out = (days: number, from: string, to: string) =>
  `GREATEST(0, EXTRACT(EPOCH FROM (${to} - GREATEST(COALESCE(${from} + ${RPO}, '-infinity'), now()::timestamp - interval '${days} days'))))`;

/** Fix A for findComplianceRows: per service, its good runs in finishedAt order (the index), LAG, sum of the long gaps. */
const LATERAL_OUT_OF_RPO = `
    out_of_rpo AS (
      SELECT c.id, o.out30, o.out90 FROM chosen c
      CROSS JOIN LATERAL (
        SELECT COALESCE(sum(${out(30, "g.prev", "g.at")}), 0) AS out30, COALESCE(sum(${out(90, "g.prev", "g.at")}), 0) AS out90
        FROM (
          SELECT e.at, lag(e.at) OVER (ORDER BY e.at) AS prev FROM (
            SELECT r."finishedAt" AS at FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
            WHERE r."serviceId" = c.id AND r.status = 'succeeded' AND r."finishedAt" > now() - interval '90 days' AND r."finishedAt" <= now()
              AND (r.verified OR NOT p."requireVerified")
            UNION ALL
            (SELECT r."finishedAt" FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
             WHERE r."serviceId" = c.id AND r.status = 'succeeded' AND r."finishedAt" <= now() - interval '90 days' AND (r.verified OR NOT p."requireVerified")
             ORDER BY r."finishedAt" DESC LIMIT 1)
            UNION ALL
            SELECT now()::timestamp
          ) e
        ) g
        WHERE g.prev IS NULL OR g.at > g.prev + ${RPO}
      ) o
      WHERE c."rpoMinutes" IS NOT NULL
    )
    `;

/** Fix B for findComplianceRows: the long gaps that ended in the window, plus the open gap since the last good backup. */
const GAP_OUT_OF_RPO = `
    out_of_rpo AS (
      SELECT c.id,
        COALESCE(hist.out30, 0) + ${out(30, "last.at", "now()::timestamp")} AS out30,
        COALESCE(hist.out90, 0) + ${out(90, "last.at", "now()::timestamp")} AS out90
      FROM chosen c
      CROSS JOIN LATERAL (SELECT max(g."toAt") AS at FROM "BackupGap" g WHERE g."serviceId" = c.id AND g."toAt" <= now()) last
      CROSS JOIN LATERAL (
        SELECT sum(${out(30, 'g."fromAt"', 'g."toAt"')}) AS out30, sum(${out(90, 'g."fromAt"', 'g."toAt"')}) AS out90
        FROM "BackupGap" g
        WHERE g."serviceId" = c.id AND g.seconds > c."rpoMinutes" * 60 AND g."toAt" > now() - interval '90 days' AND g."toAt" <= now()
      ) hist
      WHERE c."rpoMinutes" IS NOT NULL
    )
    `;

const TARGETS = `targets AS (
        SELECT s.id, COALESCE(s."rpoMinutes", td."rpoMinutes") AS rpo FROM "Service" s LEFT JOIN "TierDefault" td ON td.tier = s.tier
        WHERE TRUE AND EXISTS (SELECT 1 FROM "BackupPolicy" p WHERE p."serviceId" = s.id)
      )`;
const WEEKS = `SELECT date_trunc('week', g.prev + g.rpo * interval '1 minute') AS week, count(*)::int AS violations FROM gaps g
      WHERE g.prev IS NOT NULL AND g.at > g.prev + g.rpo * interval '1 minute' AND g.prev + g.rpo * interval '1 minute' > now() - interval '52 weeks'
      GROUP BY 1 ORDER BY 1`;

/** Fix A for the weekly RPO violations (whole fleet): LAG per service over the index. */
const LATERAL_WEEKS = `WITH ${TARGETS},
      gaps AS (
        SELECT t.rpo, g.at, g.prev FROM targets t CROSS JOIN LATERAL (
          SELECT e.at, lag(e.at) OVER (ORDER BY e.at) AS prev FROM (
            SELECT r."finishedAt" AS at FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
            WHERE r."serviceId" = t.id AND r.status = 'succeeded' AND r."finishedAt" > now() - interval '53 weeks' AND (r.verified OR NOT p."requireVerified")
            UNION ALL SELECT now()::timestamp
          ) e
        ) g
      )
      ${WEEKS}`;

/** Fix B for the weekly RPO violations: the long gaps, plus the open one. */
const GAP_WEEKS = `WITH ${TARGETS},
      gaps AS (
        SELECT t.rpo, g."toAt" AS at, g."fromAt" AS prev FROM targets t JOIN "BackupGap" g ON g."serviceId" = t.id
        WHERE g.seconds > t.rpo * 60 AND g."fromAt" > now() - interval '53 weeks'
        UNION ALL
        SELECT t.rpo, now()::timestamp, last.at FROM targets t
        CROSS JOIN LATERAL (SELECT max(g."toAt") AS at FROM "BackupGap" g WHERE g."serviceId" = t.id AND g."toAt" > now() - interval '53 weeks') last
      )
      ${WEEKS}`;

async function time(pool: pg.Pool, text: string, values: unknown[] = []): Promise<Timing> {
  await pool.query(text, values);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await pool.query(text, values);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Several statements at once on the pool (as loadComplianceView sends them), until the last answers. */
async function timeAll(pool: pg.Pool, statements: { text: string; values: unknown[] }[]): Promise<Timing> {
  const all = () => Promise.all(statements.map((s) => pool.query(s.text, s.values)));
  await all();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await all();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Whether two statements answer the same, in one transaction (the same now()). */
async function same(pool: pg.Pool, a: { text: string; values: unknown[] }, b: { text: string; values: unknown[] }) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const [x, y] = [await client.query(a.text, a.values), await client.query(b.text, b.values)];
    await client.query("COMMIT");
    return JSON.stringify(x.rows) === JSON.stringify(y.rows) ? `same ${x.rowCount} rows` : "DIFFERENT ANSWER";
  } finally {
    client.release();
  }
}

/** Runs last (it adds an index and a table to the bench database); returns the lines to print. */
export async function runCandidates(pool: pg.Pool, rowsStatement: Prisma.Sql, trendStatements: Prisma.Sql[]): Promise<string[]> {
  const text = rowsStatement.text;
  const values = rowsStatement.values as unknown[];
  const from = text.indexOf("-- Good backups in the last 90 days");
  const to = text.indexOf("SELECT c.id, c.name, c.tier");
  const weeks = trendStatements.find((s) => s.text.includes("violations"));
  if (from < 0 || to < 0 || !weeks) return ["\nCandidates skipped: the statements changed since scripts/lib/compliance-candidates.ts was written."];
  const rowsWith = (section: string) => ({ text: text.slice(0, from) + section.trimStart() + text.slice(to), values });
  const current = { text, values };
  const currentWeeks = { text: weeks.text, values: weeks.values as unknown[] };
  const others = trendStatements.filter((t) => t !== weeks).map((t) => ({ text: t.text, values: t.values as unknown[] }));
  const lines = ["", "Candidate fixes on the same data (raw SQL, p50 / p95 ms of 20):"];
  const row = (label: string, t: Timing, note: string) => lines.push(`  ${label.padEnd(66)} ${`${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`.padStart(17)}   ${note}`);

  row("rows, whole fleet: current statement", await time(pool, text, values), "(before)");
  row("weekly RPO violations, whole fleet: current statement", await time(pool, currentWeeks.text, currentWeeks.values), "(before)");

  let started = performance.now();
  await pool.query(INDEX);
  await pool.query(`VACUUM ANALYZE "BackupRun"`);
  lines.push(`  A. ${INDEX.replace("CREATE INDEX", "index")} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  row("rows: current statement, with the index", await time(pool, text, values), "");
  const lateral = rowsWith(LATERAL_OUT_OF_RPO);
  row("rows: LAG per service in a LATERAL over the index", await time(pool, lateral.text, values), await same(pool, current, lateral));
  row("weekly violations: current statement, with the index", await time(pool, currentWeeks.text, currentWeeks.values), "");
  row("weekly violations: LAG per service in a LATERAL over the index", await time(pool, LATERAL_WEEKS), await same(pool, currentWeeks, { text: LATERAL_WEEKS, values: [] }));
  row("page data with A: rows + the 3 trend statements at once", await timeAll(pool, [lateral, ...others, { text: LATERAL_WEEKS, values: [] }]), "(vs the page data row above)");

  started = performance.now();
  for (const statement of GAPS) await pool.query(statement);
  const gapRows = (await pool.query(`SELECT count(*)::int AS n FROM "BackupGap"`)).rows[0].n as number;
  lines.push(`  B. table "BackupGap" (serviceId, fromAt, toAt, seconds): one row per good backup, ${gapRows} here (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const gaps = rowsWith(GAP_OUT_OF_RPO);
  row("rows: only gaps longer than the RPO, from BackupGap", await time(pool, gaps.text, values), await same(pool, current, gaps));
  row("weekly violations: only gaps longer than the RPO, from BackupGap", await time(pool, GAP_WEEKS), await same(pool, currentWeeks, { text: GAP_WEEKS, values: [] }));
  row("page data with B: rows + the 3 trend statements at once", await timeAll(pool, [gaps, ...others, { text: GAP_WEEKS, values: [] }]), "(vs the page data row above)");
  return lines;
}
