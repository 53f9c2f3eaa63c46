// Twelve months of history for the compliance charts, aggregated in SQL for the filtered services:
// share of RTO measurements within target per month, RPO violations per week, incidents and mean time to
// recover per month, and one service's measurements against its target.
import type { Reader } from "@/lib/db/client";
import type { ComplianceFilter } from "./filter";
import { serviceWhere } from "./filter";

export type MonthPoint = {
  month: string;
  measurements: number;
  withinTarget: number;
  percent: number | null;
  incidents: number;
  resolved: number;
  mttrMinutes: number | null;
};
export type WeekPoint = { week: string; violations: number };

export async function findComplianceTrends(db: Reader, filter: ComplianceFilter) {
  const where = serviceWhere(filter, "s");
  const [rto, incidents, rpo] = await Promise.all([
    db.$queryRaw<{ month: Date; measurements: number; within: number }[]>`
      SELECT date_trunc('month', m."verifiedAt") AS month, count(*)::int AS measurements,
             count(*) FILTER (WHERE m.seconds <= COALESCE(s."rtoMinutes", td."rtoMinutes") * 60)::int AS within
      FROM "RecoveryMeasurement" m JOIN "Service" s ON s.id = m."serviceId" LEFT JOIN "TierDefault" td ON td.tier = s.tier
      WHERE m."verifiedAt" > date_trunc('month', now()) - interval '11 months' AND ${where}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ month: Date; incidents: number; resolved: number; mttr: number | null }[]>`
      SELECT date_trunc('month', i."declaredAt") AS month, count(*)::int AS incidents, count(i."resolvedAt")::int AS resolved,
             avg(EXTRACT(EPOCH FROM (i."resolvedAt" - i."declaredAt")) / 60)::float AS mttr
      FROM "Incident" i
      WHERE i."declaredAt" > date_trunc('month', now()) - interval '11 months'
        AND (${filter.systemId ?? null}::text IS NULL OR i."systemId" = ${filter.systemId ?? null})
        AND (${!filter.tier && !filter.q} OR EXISTS (SELECT 1 FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId" WHERE x."incidentId" = i.id AND ${where}))
      GROUP BY 1 ORDER BY 1`,
    // A violation: a gap between two good backups (or since the last one) longer than the RPO, counted in
    // the week the RPO was first exceeded.
    db.$queryRaw<{ week: Date; violations: number }[]>`
      WITH targets AS (
        SELECT s.id, COALESCE(s."rpoMinutes", td."rpoMinutes") AS rpo FROM "Service" s LEFT JOIN "TierDefault" td ON td.tier = s.tier
        WHERE ${where} AND EXISTS (SELECT 1 FROM "BackupPolicy" p WHERE p."serviceId" = s.id)
      ),
      -- Gaps between good backups longer than the RPO (BackupGap), plus the open one since the last good backup.
      gaps AS (
        -- Per service through the (serviceId, seconds) index: only the long gaps. A plain join scans every gap;
        -- OFFSET 0 keeps the planner from flattening the LATERAL back into one.
        SELECT t.id, g."toAt" AS at, g."fromAt" AS prev FROM targets t
        CROSS JOIN LATERAL (SELECT "toAt", "fromAt" FROM "BackupGap" g WHERE g."serviceId" = t.id AND g.seconds > t.rpo * 60 AND g."fromAt" > now() - interval '53 weeks' OFFSET 0) g
        UNION ALL
        SELECT t.id, now()::timestamp, last.at FROM targets t
        CROSS JOIN LATERAL (SELECT max(g."toAt") AS at FROM "BackupGap" g WHERE g."serviceId" = t.id AND g."toAt" > now() - interval '53 weeks') last
      )
      SELECT date_trunc('week', g.prev + t.rpo * interval '1 minute') AS week, count(*)::int AS violations
      FROM gaps g JOIN targets t ON t.id = g.id
      WHERE g.prev IS NOT NULL AND g.at > g.prev + t.rpo * interval '1 minute' AND g.prev + t.rpo * interval '1 minute' > now() - interval '52 weeks'
      GROUP BY 1 ORDER BY 1`,
  ]);
  const key = (d: Date) => d.toISOString().slice(0, 7);
  const months: MonthPoint[] = [];
  const start = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1));
  for (let i = 0; i < 12; i++) {
    const month = key(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)));
    const r = rto.find((x) => key(x.month) === month);
    const inc = incidents.find((x) => key(x.month) === month);
    months.push({
      month,
      measurements: r?.measurements ?? 0,
      withinTarget: r?.within ?? 0,
      percent: r && r.measurements ? Math.round((1000 * r.within) / r.measurements) / 10 : null,
      incidents: inc?.incidents ?? 0,
      resolved: inc?.resolved ?? 0,
      mttrMinutes: inc?.mttr === null || inc?.mttr === undefined ? null : Math.round(inc.mttr),
    });
  }
  const weeks: WeekPoint[] = rpo.map((w) => ({ week: w.week.toISOString().slice(0, 10), violations: w.violations }));
  return { months, weeks };
}

/** One service's measurements over 12 months, against its target (the per-service RTO chart). Two statements at once. */
export async function findServiceMeasurements(db: Reader, serviceId: string) {
  const [services, points] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; tier: number; rtoMinutes: number | null; targetMinutes: number | null }[]>`
      SELECT s.id, s.name, s.tier, s."rtoMinutes", COALESCE(s."rtoMinutes", td."rtoMinutes") AS "targetMinutes"
      FROM "Service" s LEFT JOIN "TierDefault" td ON td.tier = s.tier WHERE s.id = ${serviceId}`,
    db.$queryRaw<{ verifiedAt: Date; seconds: number; drill: boolean }[]>`
      SELECT "verifiedAt", seconds, drill FROM "RecoveryMeasurement"
      WHERE "serviceId" = ${serviceId} AND "verifiedAt" > now() - interval '365 days' ORDER BY "verifiedAt" LIMIT 500`,
  ]);
  return services[0] ? { ...services[0], points } : null;
}
