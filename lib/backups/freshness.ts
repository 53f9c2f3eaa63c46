// Live RPO for the whole fleet, in SQL: per service, the newest good run (succeeded, and verified where the
// policy demands it) against the service's RPO, banded exactly like rules.ts#rpoBand.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Reader } from "@/lib/db/client";
import type { RpoBand } from "./rules";

// A service's RPO for backup purposes: its own; else its tier default, if it has a backup policy at all
// (a stateless service without one is not expected to be backed up).
export const FRESHNESS_CTES = Prisma.sql`
  good AS (
    SELECT p."serviceId", max(last.finished) AS last_good
    FROM "BackupPolicy" p
    CROSS JOIN LATERAL (
      SELECT r."finishedAt" AS finished FROM "BackupRun" r
      WHERE r."policyId" = p.id AND r.status = 'succeeded' AND r."finishedAt" IS NOT NULL AND (r.verified OR NOT p."requireVerified")
      ORDER BY r."finishedAt" DESC LIMIT 1
    ) last
    GROUP BY p."serviceId"
  ),
  fleet AS (
    SELECT s.id, s.name, s.tier, s."systemId", y.name AS "systemName",
           EXISTS (SELECT 1 FROM "BackupPolicy" bp WHERE bp."serviceId" = s.id) AS "hasPolicy",
           g.last_good AS "lastGoodAt",
           EXTRACT(EPOCH FROM (now() - g.last_good)) / 60 AS "ageMinutes",
           s."rpoMinutes" AS own_rpo, td."rpoMinutes" AS tier_rpo
    FROM "Service" s
    JOIN "System" y ON y.id = s."systemId"
    LEFT JOIN good g ON g."serviceId" = s.id
    LEFT JOIN "TierDefault" td ON td.tier = s.tier
  ),
  targeted AS (
    SELECT id, name, tier, "systemId", "systemName", "hasPolicy", "lastGoodAt", "ageMinutes",
           COALESCE(own_rpo, CASE WHEN "hasPolicy" THEN tier_rpo END) AS "rpoMinutes"
    FROM fleet
  ),
  banded AS (
    SELECT targeted.*, CASE
      WHEN "rpoMinutes" IS NULL THEN 'no_target'
      WHEN "lastGoodAt" IS NULL THEN 'never'
      WHEN "ageMinutes" <= GREATEST("rpoMinutes", 1) THEN 'within'
      WHEN "ageMinutes" <= 2 * GREATEST("rpoMinutes", 1) THEN 'exceeded'
      WHEN "ageMinutes" <= 4 * GREATEST("rpoMinutes", 1) THEN 'severe'
      ELSE 'critical' END AS band
    FROM targeted
  )`;

/** The CTEs above as a WITH clause, ready for a SELECT … FROM banded. */
export const FRESHNESS_CTE = Prisma.sql`WITH ${FRESHNESS_CTES}`;

export type ServiceFreshness = {
  id: string;
  name: string;
  tier: number;
  systemId: string;
  systemName: string;
  hasPolicy: boolean;
  lastGoodAt: Date | null;
  ageMinutes: number | null;
  rpoMinutes: number | null;
  band: RpoBand;
};

/** Count of services per band, for the fleet overview. */
export async function findRpoBandCounts(db: Reader): Promise<Record<RpoBand, number>> {
  const rows = await db.$queryRaw<
    { band: RpoBand; n: number }[]
  >`${FRESHNESS_CTE} SELECT band, count(*)::int AS n FROM banded GROUP BY band`;
  const counts: Record<RpoBand, number> = { within: 0, exceeded: 0, severe: 0, critical: 0, never: 0, no_target: 0 };
  for (const row of rows) counts[row.band] = row.n;
  return counts;
}

/** Services worst first (by band, then the most overdue), optionally one band or one system. */
export async function findServiceFreshness(
  db: Reader,
  filter: { band?: RpoBand; systemId?: string; serviceId?: string; limit?: number } = {},
): Promise<ServiceFreshness[]> {
  const conditions = [
    filter.band ? Prisma.sql`band = ${filter.band}` : null,
    filter.systemId ? Prisma.sql`"systemId" = ${filter.systemId}` : null,
    filter.serviceId ? Prisma.sql`id = ${filter.serviceId}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<ServiceFreshness, "ageMinutes"> & { ageMinutes: number | string | null })[]>`
    ${FRESHNESS_CTE}
    SELECT * FROM banded ${where}
    ORDER BY CASE band WHEN 'critical' THEN 0 WHEN 'never' THEN 1 WHEN 'severe' THEN 2 WHEN 'exceeded' THEN 3 WHEN 'within' THEN 4 ELSE 5 END,
             "ageMinutes" / GREATEST("rpoMinutes", 1) DESC NULLS LAST, tier, name
    LIMIT ${filter.limit ?? 200}`;
  return rows.map((r) => ({ ...r, ageMinutes: r.ageMinutes === null ? null : Math.round(Number(r.ageMinutes)) }));
}

export type DayCell = { serviceId: string; day: string; state: "succeeded" | "failed" };

/** Per service and UTC day over the last `days`: succeeded if any run succeeded, failed if only failures. */
export async function findDailyOutcomes(db: Reader, serviceIds: string[], days = 30): Promise<DayCell[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db.$queryRaw<{ serviceId: string; day: Date; ok: boolean }[]>`
    SELECT "serviceId", date_trunc('day', "startedAt") AS day, bool_or(status = 'succeeded') AS ok
    FROM "BackupRun"
    WHERE "serviceId" = ANY(${serviceIds}) AND "startedAt" >= date_trunc('day', now()) - make_interval(days => ${days - 1}) AND status <> 'running'
    GROUP BY 1, 2`;
  return rows.map((r) => ({
    serviceId: r.serviceId,
    day: r.day.toISOString().slice(0, 10),
    state: r.ok ? "succeeded" : "failed",
  }));
}
