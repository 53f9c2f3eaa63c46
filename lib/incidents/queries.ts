// Reads for the incident pages, the dashboard and the JSON API.
import type { Reader } from "@/lib/db/client";
import type { IncidentStatus, Prisma } from "@/lib/generated/prisma/client";
import { effectiveObjectives, findTierDefaults } from "@/lib/inventory/tier-defaults";

/** What names an incident and says where it stands: the start of every incident read and of its audit snapshot. */
export const incidentHeadSelect = {
  id: true,
  number: true,
  title: true,
  severity: true,
  status: true,
  statusPageLevel: true,
} as const;

export const incidentSummarySelect = {
  ...incidentHeadSelect,
  source: true,
  dedupKey: true,
  declaredAt: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  resolvedAt: true,
  version: true,
  system: { select: { id: true, name: true } },
  commander: { select: { id: true, name: true, email: true } },
} satisfies Prisma.IncidentSelect;

export type IncidentFilter = { status?: IncidentStatus | "open"; systemId?: string; since?: Date; limit?: number };

export function findIncidents(db: Reader, filter: IncidentFilter) {
  const where: Prisma.IncidentWhereInput = {
    ...(filter.status === "open" ? { status: { not: "resolved" } } : filter.status ? { status: filter.status } : {}),
    ...(filter.systemId ? { systemId: filter.systemId } : {}),
    ...(filter.since ? { declaredAt: { gte: filter.since } } : {}),
  };
  return db.incident.findMany({
    where,
    orderBy: [{ declaredAt: "desc" }],
    take: filter.limit ?? 100,
    select: incidentSummarySelect,
  });
}

/** One incident with its affected services (effective RTO), alerts and dependents of each service. */
export async function findIncident(db: Reader, id: string) {
  const incident = await db.incident.findUnique({
    where: { id },
    select: {
      ...incidentSummarySelect,
      postmortem: true,
      services: {
        orderBy: { service: { name: "asc" } },
        select: {
          verifiedAt: true,
          service: { select: { id: true, name: true, tier: true, rtoMinutes: true, rpoMinutes: true } },
        },
      },
      alerts: {
        orderBy: { lastSeenAt: "desc" },
        take: 50,
        select: {
          id: true,
          source: true,
          dedupKey: true,
          status: true,
          summary: true,
          severity: true,
          generatorUrl: true,
          firstSeenAt: true,
          lastSeenAt: true,
          receivedCount: true,
        },
      },
    },
  });
  if (!incident) return null;
  const serviceIds = incident.services.map((s) => s.service.id);
  const [defaults, dependents] = await Promise.all([findTierDefaults(db), directDependents(db, serviceIds)]);
  return {
    ...incident,
    services: incident.services.map((s) => ({
      ...s.service,
      verifiedAt: s.verifiedAt,
      rtoMinutes: effectiveObjectives(s.service, defaults).rtoMinutes,
      dependents: dependents.get(s.service.id) ?? [],
    })),
  };
}

/** Services that depend on each of these, directly (what the RTO clock's "what depends on it" shows). */
async function directDependents(db: Reader, serviceIds: string[]) {
  if (serviceIds.length === 0) return new Map<string, string[]>();
  const rows = await db.$queryRaw<{ dependsOnId: string; name: string }[]>`
    SELECT d."dependsOnId", s.name FROM "ServiceDependency" d JOIN "Service" s ON s.id = d."serviceId"
    WHERE d."dependsOnId" = ANY(${serviceIds}) ORDER BY s.name`;
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.dependsOnId, [...(map.get(row.dependsOnId) ?? []), row.name]);
  return map;
}

/** Commanders and admins who can be given an incident. */
export function findCommanders(db: Reader) {
  return db.user.findMany({
    where: { active: true, role: { in: ["admin", "commander"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** One incident by id or by its number as `INC-42` (case-insensitive): one-or-null. */
export async function findIncidentByRef(db: Reader, ref: string) {
  const byNumber = /^INC-(\d{1,9})$/i.exec(ref);
  const incidentId = byNumber
    ? (await db.incident.findUnique({ where: { number: Number(byNumber[1]) }, select: { id: true } }))?.id
    : ref.slice(0, 64);
  return incidentId ? findIncident(db, incidentId) : null;
}

/** The newest timeline event's id (0 when there is none): where a stream without a resume point starts. */
export async function findLatestTimelineEventId(db: Reader) {
  const rows = await db.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "TimelineEvent"`;
  return rows[0]?.max ?? BigInt(0);
}

/** The latest public note: what the Resolve dialog offers as the last public update. */
export async function findLastPublicUpdate(db: Reader, incidentId: string) {
  const row = await db.timelineEvent.findFirst({
    where: { incidentId, public: true, kind: "note" },
    orderBy: { id: "desc" },
    select: { message: true },
  });
  return row?.message ?? null;
}
