// The commander dashboard's data: open incidents (the board's filters applied) with their services' RTO
// targets and dependents, where each escalation stands, each one's alert family, and the latest alerts, in
// a fixed handful of queries; then ranked for triage and alert storms collapsed, in one pass (triage.ts).
import type { Reader } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { effectiveObjectives, findTierDefaults } from "@/lib/inventory/tier-defaults";
import type { BoardFilters } from "./board-filters";
import { incidentSummarySelect } from "./queries";
import { findLatestEvents } from "./timeline";
import { collapseStorms, rankIncidents } from "./triage";

/** Enough for any real night; a storm beyond it is still one card, only counted short (the page says so). */
export const BOARD_LIMIT = 500;

type BoardQuery = { filters: BoardFilters; userId: string; now?: Date };

/** The board itself (what the live board re-reads through /api/incidents/board on every change). */
export async function findBoard(db: Reader, { filters, userId, now = new Date() }: BoardQuery) {
  const where: Prisma.IncidentWhereInput = {
    status: { not: "resolved" },
    ...(filters.unacknowledged && { acknowledgedAt: null }),
    ...(filters.mine && { commanderId: userId }),
    ...(filters.systemId && { systemId: filters.systemId }),
    ...(filters.severity && { severity: filters.severity }),
  };
  const incidents = await db.incident.findMany({
    where,
    orderBy: [{ declaredAt: "desc" }],
    take: BOARD_LIMIT,
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
  const [defaults, levels, dependents, families, alerts] = await Promise.all([
    findTierDefaults(db),
    db.$queryRaw<{ incidentId: string; level: number | null; pending: number }[]>`
      SELECT "incidentId", max(level) FILTER (WHERE state IN ('sent', 'failed', 'sending')) AS level,
             count(*) FILTER (WHERE state = 'pending')::int AS pending
      FROM "EscalationPage" WHERE "incidentId" = ANY(${ids}) GROUP BY "incidentId"`,
    db.$queryRaw<{ id: string; count: number }[]>`
      SELECT "dependsOnId" AS id, count(*)::int AS count FROM "ServiceDependency" WHERE "dependsOnId" = ANY(${serviceIds}) GROUP BY "dependsOnId"`,
    // The alert family of each incident's first alert: what Alertmanager grouped on (alertname), or the
    // Events API's class/group. Incidents of one system and family opened close together are a storm.
    db.$queryRaw<{ incidentId: string; family: string | null }[]>`
      SELECT DISTINCT ON ("incidentId") "incidentId",
             nullif(coalesce(labels->>'alertname', labels->>'class', labels->>'group', ''), '') AS family
      FROM "Alert" WHERE "incidentId" = ANY(${ids}) ORDER BY "incidentId", "firstSeenAt", id`,
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
  ]);
  const levelBy = new Map(levels.map((l) => [l.incidentId, l]));
  const dependentsBy = new Map(dependents.map((d) => [d.id, d.count]));
  const familyBy = new Map(families.map((f) => [f.incidentId, f.family]));
  const board = incidents.map((incident) => ({
    ...incident,
    systemId: incident.system?.id ?? null,
    family: familyBy.get(incident.id) ?? null,
    escalation: { level: levelBy.get(incident.id)?.level ?? null, pending: levelBy.get(incident.id)?.pending ?? 0 },
    services: incident.services.map((s) => ({
      id: s.service.id,
      name: s.service.name,
      tier: s.service.tier,
      rtoMinutes: effectiveObjectives(s.service, defaults).rtoMinutes,
      verifiedAt: s.verifiedAt,
      dependents: dependentsBy.get(s.service.id) ?? 0,
    })),
  }));
  return {
    entries: collapseStorms(rankIncidents(board, now)),
    total: incidents.length,
    truncated: incidents.length === BOARD_LIMIT,
    alerts,
  };
}

export type BoardData = Awaited<ReturnType<typeof findBoard>>;

/** The /command page: the board, the systems its filter offers, and the latest activity the stream continues. */
export async function findDashboard(db: Reader, query: BoardQuery) {
  const [board, systems, activity] = await Promise.all([
    findBoard(db, query),
    db.system.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
    findLatestEvents(db, 15),
  ]);
  return { board, systems, activity };
}
