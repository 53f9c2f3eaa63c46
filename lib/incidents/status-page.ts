// The public status page: per system, the worst level any open incident puts on it, and the open
// incidents' public updates. Nothing internal: only titles, statuses and notes marked public.
import type { Reader } from "@/lib/db/client";
import type { StatusPageLevel } from "@/lib/generated/prisma/enums";

const RANK: Record<StatusPageLevel, number> = { operational: 0, maintenance: 1, degraded: 2, partial_outage: 3, major_outage: 4 };

export const worstLevel = (levels: StatusPageLevel[]): StatusPageLevel => levels.reduce<StatusPageLevel>((worst, l) => (RANK[l] > RANK[worst] ? l : worst), "operational");

export async function findStatusPage(db: Reader) {
  const [systems, incidents] = await Promise.all([
    db.system.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.incident.findMany({
      where: { status: { not: "resolved" } },
      orderBy: { declaredAt: "desc" },
      take: 50,
      select: {
        id: true,
        title: true,
        status: true,
        statusPageLevel: true,
        systemId: true,
        declaredAt: true,
        timeline: { where: { public: true }, orderBy: { id: "desc" }, take: 20, select: { id: true, at: true, message: true } },
      },
    }),
  ]);
  return {
    systems: systems.map((system) => ({ ...system, level: worstLevel(incidents.filter((i) => i.systemId === system.id).map((i) => i.statusPageLevel)) })),
    incidents,
  };
}
