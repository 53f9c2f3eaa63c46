// The commander dashboard's data: open incidents (most severe first) with their services' RTO targets and
// dependents, where each escalation stands, and the latest alerts, in a fixed handful of queries.
import type { Reader } from "@/lib/db/client";
import { effectiveObjectives, findTierDefaults } from "@/lib/inventory/tier-defaults";
import { incidentSummarySelect } from "./queries";
import { findLatestEvents } from "./timeline";

export async function findDashboard(db: Reader) {
  const incidents = await db.incident.findMany({
    where: { status: { not: "resolved" } },
    orderBy: [{ severity: "asc" }, { declaredAt: "asc" }],
    take: 100,
    select: {
      ...incidentSummarySelect,
      services: {
        select: {
          verifiedAt: true,
          service: { select: { id: true, name: true, tier: true, rtoMinutes: true, rpoMinutes: true } },
        },
      },
    },
  });
  const ids = incidents.map((i) => i.id);
  const serviceIds = [...new Set(incidents.flatMap((i) => i.services.map((s) => s.service.id)))];
  const [defaults, levels, dependents, alerts, activity] = await Promise.all([
    findTierDefaults(db),
    db.$queryRaw<{ incidentId: string; level: number | null; pending: number }[]>`
      SELECT "incidentId", max(level) FILTER (WHERE state IN ('sent', 'failed', 'sending')) AS level,
             count(*) FILTER (WHERE state = 'pending')::int AS pending
      FROM "EscalationPage" WHERE "incidentId" = ANY(${ids}) GROUP BY "incidentId"`,
    db.$queryRaw<{ id: string; count: number }[]>`
      SELECT "dependsOnId" AS id, count(*)::int AS count FROM "ServiceDependency" WHERE "dependsOnId" = ANY(${serviceIds}) GROUP BY "dependsOnId"`,
    db.alert.findMany({
      where: { incident: { status: { not: "resolved" } } },
      orderBy: { lastSeenAt: "desc" },
      take: 8,
      select: {
        id: true,
        summary: true,
        status: true,
        lastSeenAt: true,
        receivedCount: true,
        incident: { select: { id: true, number: true } },
      },
    }),
    findLatestEvents(db, 15),
  ]);
  const levelBy = new Map(levels.map((l) => [l.incidentId, l]));
  const dependentsBy = new Map(dependents.map((d) => [d.id, d.count]));
  return {
    incidents: incidents.map((incident) => ({
      ...incident,
      escalation: { level: levelBy.get(incident.id)?.level ?? null, pending: levelBy.get(incident.id)?.pending ?? 0 },
      services: incident.services.map((s) => ({
        id: s.service.id,
        name: s.service.name,
        tier: s.service.tier,
        rtoMinutes: effectiveObjectives(s.service, defaults).rtoMinutes,
        verifiedAt: s.verifiedAt,
        dependents: dependentsBy.get(s.service.id) ?? 0,
      })),
    })),
    alerts,
    activity,
  };
}
