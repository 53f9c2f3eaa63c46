// Per-service compliance figures in one SQL statement: effective RTO target, the newest measurements and their
// p90, the slowest p90 among everything the service depends on (transitively), live backup age and band (the
// backups issue's freshness CTE), and the seconds spent out of RPO in the last 30 and 90 days (from BackupGap);
// and findComplianceView, everything one view needs at once (the page, the report and the evidence pack).
import type { Reader } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { FRESHNESS_CTES } from "@/lib/backups/freshness";
import { findSystemOptions } from "@/lib/inventory/queries";
import { serviceWhere, type ComplianceFilter } from "./filter";
import { RECENT_MEASUREMENTS, rtoVerdict, type ComplianceRow } from "./rules";
import { findComplianceTrends, findServiceMeasurements } from "./trends";
import { findDrillCoverage, groupBy, tally, worstFirst } from "./view";

type Raw = Omit<ComplianceRow, "status" | "reason" | "within30" | "within90" | "ageMinutes"> & {
  ageMinutes: number | string | null;
  out30: number | string | null;
  out90: number | string | null;
};

/** Seconds of the gap from..to spent beyond the RPO within the last `days` (the first backup ever: from = null). */
const outOfRpo = (days: number, from: Prisma.Sql, to: Prisma.Sql) =>
  Prisma.sql`GREATEST(0, EXTRACT(EPOCH FROM (${to} - GREATEST(COALESCE(${from} + c."rpoMinutes" * interval '1 minute', '-infinity'), now()::timestamp - ${Prisma.raw(`interval '${days} days'`)}))))`;

const share = (outSeconds: number | string | null, days: number) =>
  outSeconds === null ? null : Math.max(0, 1 - Number(outSeconds) / (days * 86_400));

export async function findComplianceRows(
  db: Reader,
  filter: ComplianceFilter,
  now = new Date(),
): Promise<ComplianceRow[]> {
  const rows = await db.$queryRaw<Raw[]>`
    WITH RECURSIVE ${FRESHNESS_CTES},
    chosen AS (SELECT b.* FROM banded b WHERE ${serviceWhere(filter, "b")}),
    -- Everything each chosen service depends on, directly or not (UNION stops on a DAG).
    reach(root, dep) AS (
      SELECT d."serviceId", d."dependsOnId" FROM "ServiceDependency" d WHERE d."serviceId" IN (SELECT id FROM chosen)
      UNION
      SELECT r.root, d."dependsOnId" FROM reach r JOIN "ServiceDependency" d ON d."serviceId" = r.dep
    ),
    -- The newest measurements of the chosen services and their dependencies, and their nearest-rank p90 (as
    -- lib/compliance/rules.ts#p90).
    measured AS (
      SELECT s.id, count(m.seconds)::int AS measurements, max(m."verifiedAt") AS "lastMeasuredAt",
             (array_agg(m.seconds ORDER BY m."verifiedAt" DESC))[1] AS "lastSeconds",
             percentile_disc(0.9) WITHIN GROUP (ORDER BY m.seconds) AS "p90Seconds"
      FROM (SELECT id FROM chosen UNION SELECT dep FROM reach) s
      CROSS JOIN LATERAL (
        SELECT seconds, "verifiedAt" FROM "RecoveryMeasurement" r WHERE r."serviceId" = s.id ORDER BY "verifiedAt" DESC LIMIT ${RECENT_MEASUREMENTS}
      ) m
      GROUP BY s.id
    ),
    -- The slowest dependency of each service. Ranked rather than DISTINCT ON: the planner's row estimate for a
    -- DISTINCT ON over a CTE is tiny, which made it join this to every row one by one (2,000 × 2,000 at the bench).
    bound AS (
      SELECT root, seconds, name FROM (
        SELECT r.root, m."p90Seconds" AS seconds, s.name, row_number() OVER (PARTITION BY r.root ORDER BY m."p90Seconds" DESC) AS rank
        FROM reach r JOIN measured m ON m.id = r.dep JOIN "Service" s ON s.id = r.dep
      ) ranked
      WHERE rank = 1
    ),
    -- Seconds out of RPO in the window: the gaps between good backups (lib/backups: BackupGap) longer than the
    -- RPO that ended in it, plus the open gap since the last good backup; each counted from the moment the
    -- RPO was exceeded, or from the window's start.
    out_of_rpo AS (
      SELECT c.id,
        COALESCE(hist.out30, 0) + ${outOfRpo(30, Prisma.sql`last.at`, Prisma.sql`now()::timestamp`)} AS out30,
        COALESCE(hist.out90, 0) + ${outOfRpo(90, Prisma.sql`last.at`, Prisma.sql`now()::timestamp`)} AS out90
      FROM chosen c
      CROSS JOIN LATERAL (SELECT max(g."toAt") AS at FROM "BackupGap" g WHERE g."serviceId" = c.id AND g."toAt" <= now()) last
      CROSS JOIN LATERAL (
        SELECT sum(${outOfRpo(30, Prisma.sql`g."fromAt"`, Prisma.sql`g."toAt"`)}) AS out30, sum(${outOfRpo(90, Prisma.sql`g."fromAt"`, Prisma.sql`g."toAt"`)}) AS out90
        FROM "BackupGap" g
        WHERE g."serviceId" = c.id AND g.seconds > c."rpoMinutes" * 60 AND g."toAt" > now() - interval '90 days' AND g."toAt" <= now()
      ) hist
      WHERE c."rpoMinutes" IS NOT NULL
    )
    SELECT c.id, c.name, c.tier, c."systemId", c."systemName",
           COALESCE(s."rtoMinutes", td."rtoMinutes") AS "rtoTargetMinutes",
           m."lastMeasuredAt", m."lastSeconds", m."p90Seconds", COALESCE(m.measurements, 0) AS measurements,
           b.seconds AS "dependencyBoundSeconds", b.name AS "dependencyBoundName",
           c."rpoMinutes", c."ageMinutes", c.band, o.out30, o.out90
    FROM chosen c
    JOIN "Service" s ON s.id = c.id
    LEFT JOIN "TierDefault" td ON td.tier = c.tier
    LEFT JOIN measured m ON m.id = c.id
    LEFT JOIN bound b ON b.root = c.id
    LEFT JOIN out_of_rpo o ON o.id = c.id
    ORDER BY c."systemName", c.tier, c.name`;
  const result = rows.map((r) => {
    const verdict = rtoVerdict(
      {
        targetMinutes: r.rtoTargetMinutes,
        lastMeasuredAt: r.lastMeasuredAt,
        p90Seconds: r.p90Seconds,
        dependencyBound:
          r.dependencyBoundSeconds === null
            ? null
            : { seconds: r.dependencyBoundSeconds, serviceName: r.dependencyBoundName ?? "a dependency" },
      },
      now,
    );
    const { out30, out90, ...rest } = r;
    return {
      ...rest,
      ageMinutes: r.ageMinutes === null ? null : Math.round(Number(r.ageMinutes)),
      within30: share(out30, 30),
      within90: share(out90, 90),
      ...verdict,
    };
  });
  return filter.status ? result.filter((r) => r.status === filter.status) : result;
}

/** Everything one compliance view needs, read together (the page, the report and the evidence pack). */
export async function findComplianceView(db: Reader, filter: ComplianceFilter, serviceId?: string) {
  const [rows, trends, coverage, systems, service] = await Promise.all([
    findComplianceRows(db, filter),
    findComplianceTrends(db, filter),
    findDrillCoverage(db, filter),
    findSystemOptions(db),
    serviceId ? findServiceMeasurements(db, serviceId) : null,
  ]);
  return {
    rows: worstFirst(rows),
    total: tally(rows),
    bySystem: groupBy(rows, (r) => r.systemName),
    byTier: groupBy(rows, (r) => `Tier ${r.tier}`).sort((a, b) => a.label.localeCompare(b.label)),
    trends,
    coverage,
    systems,
    service,
  };
}
