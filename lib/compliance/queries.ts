// Per-service compliance figures in one SQL statement: effective RTO target, the newest measurements and their
// p90, the slowest p90 among everything the service depends on (transitively), live backup age and band (the
// backups issue's freshness CTE), and the seconds spent out of RPO in the last 30 and 90 days.
import type { Reader } from "@/lib/db/client";
import { FRESHNESS_CTES } from "@/lib/backups/freshness";
import type { RpoBand } from "@/lib/backups/rules";
import { serviceWhere } from "./filter";
import { RECENT_MEASUREMENTS, rtoVerdict, type RtoStatus } from "./rules";

export type ComplianceFilter = { systemId?: string; tier?: number; q?: string; status?: RtoStatus };

export type ComplianceRow = {
  id: string;
  name: string;
  tier: number;
  systemId: string;
  systemName: string;
  rtoTargetMinutes: number | null;
  lastMeasuredAt: Date | null;
  lastSeconds: number | null;
  p90Seconds: number | null;
  measurements: number;
  dependencyBoundSeconds: number | null;
  dependencyBoundName: string | null;
  rpoMinutes: number | null;
  ageMinutes: number | null;
  band: RpoBand;
  within30: number | null;
  within90: number | null;
  status: RtoStatus;
  reason: string;
};

type Raw = Omit<ComplianceRow, "status" | "reason" | "within30" | "within90" | "ageMinutes"> & { ageMinutes: number | string | null; out30: number | string | null; out90: number | string | null };

const share = (outSeconds: number | string | null, days: number) => (outSeconds === null ? null : Math.max(0, 1 - Number(outSeconds) / (days * 86_400)));

export async function findComplianceRows(db: Reader, filter: ComplianceFilter, now = new Date()): Promise<ComplianceRow[]> {
  const rows = await db.$queryRaw<Raw[]>`
    WITH RECURSIVE ${FRESHNESS_CTES},
    chosen AS (SELECT b.* FROM banded b WHERE ${serviceWhere(filter, "b")}),
    -- The newest measurements of a service, and their nearest-rank p90 (as lib/compliance/rules.ts#p90).
    measured AS (
      SELECT s.id, count(m.seconds)::int AS measurements, max(m."verifiedAt") AS "lastMeasuredAt",
             (array_agg(m.seconds ORDER BY m."verifiedAt" DESC))[1] AS "lastSeconds",
             percentile_disc(0.9) WITHIN GROUP (ORDER BY m.seconds) AS "p90Seconds"
      FROM "Service" s
      CROSS JOIN LATERAL (
        SELECT seconds, "verifiedAt" FROM "RecoveryMeasurement" r WHERE r."serviceId" = s.id ORDER BY "verifiedAt" DESC LIMIT ${RECENT_MEASUREMENTS}
      ) m
      GROUP BY s.id
    ),
    -- Everything each chosen service depends on, directly or not (UNION stops on a DAG).
    reach(root, dep) AS (
      SELECT d."serviceId", d."dependsOnId" FROM "ServiceDependency" d WHERE d."serviceId" IN (SELECT id FROM chosen)
      UNION
      SELECT r.root, d."dependsOnId" FROM reach r JOIN "ServiceDependency" d ON d."serviceId" = r.dep
    ),
    bound AS (
      SELECT DISTINCT ON (r.root) r.root, m."p90Seconds" AS seconds, s.name
      FROM reach r JOIN measured m ON m.id = r.dep JOIN "Service" s ON s.id = r.dep
      ORDER BY r.root, m."p90Seconds" DESC
    ),
    -- Good backups in the last 90 days, plus the last one before, plus "now" as the end of the last gap.
    events AS (
      SELECT c.id, r."finishedAt" AS at, c."rpoMinutes" FROM chosen c
      JOIN "BackupPolicy" p ON p."serviceId" = c.id
      JOIN "BackupRun" r ON r."policyId" = p.id
      WHERE c."rpoMinutes" IS NOT NULL AND r.status = 'succeeded' AND r."finishedAt" > now() - interval '90 days' AND r."finishedAt" <= now()
        AND (r.verified OR NOT p."requireVerified")
      UNION ALL
      SELECT c.id, prior.at, c."rpoMinutes" FROM chosen c
      CROSS JOIN LATERAL (
        SELECT max(r."finishedAt") AS at FROM "BackupPolicy" p JOIN "BackupRun" r ON r."policyId" = p.id
        WHERE p."serviceId" = c.id AND r.status = 'succeeded' AND r."finishedAt" <= now() - interval '90 days' AND (r.verified OR NOT p."requireVerified")
      ) prior
      WHERE c."rpoMinutes" IS NOT NULL AND prior.at IS NOT NULL
      UNION ALL
      SELECT c.id, now()::timestamp, c."rpoMinutes" FROM chosen c WHERE c."rpoMinutes" IS NOT NULL
    ),
    gaps AS (
      SELECT id, at, lag(at) OVER (PARTITION BY id ORDER BY at) AS prev, "rpoMinutes" FROM events
    ),
    out_of_rpo AS (
      SELECT id,
        sum(GREATEST(0, EXTRACT(EPOCH FROM (at - GREATEST(COALESCE(prev + "rpoMinutes" * interval '1 minute', '-infinity'), now()::timestamp - interval '30 days'))))) AS out30,
        sum(GREATEST(0, EXTRACT(EPOCH FROM (at - GREATEST(COALESCE(prev + "rpoMinutes" * interval '1 minute', '-infinity'), now()::timestamp - interval '90 days'))))) AS out90
      FROM gaps GROUP BY id
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
        dependencyBound: r.dependencyBoundSeconds === null ? null : { seconds: r.dependencyBoundSeconds, serviceName: r.dependencyBoundName ?? "a dependency" },
      },
      now,
    );
    const { out30, out90, ...rest } = r;
    return { ...rest, ageMinutes: r.ageMinutes === null ? null : Math.round(Number(r.ageMinutes)), within30: share(out30, 30), within90: share(out90, 90), ...verdict };
  });
  return filter.status ? result.filter((r) => r.status === filter.status) : result;
}
