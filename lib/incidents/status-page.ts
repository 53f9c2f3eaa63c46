// The public status page: per system, the worst level any open incident puts on it, and the open
// incidents' public updates. Nothing internal: only titles, statuses and notes marked public.
import type { Reader } from "@/lib/db/client";
import type { StatusPageLevel } from "@/lib/generated/prisma/enums";
import { findSystemOptions } from "@/lib/inventory/queries";

const RANK: Record<StatusPageLevel, number> = {
  operational: 0,
  maintenance: 1,
  degraded: 2,
  partial_outage: 3,
  major_outage: 4,
};

export const worstLevel = (levels: StatusPageLevel[]): StatusPageLevel =>
  levels.reduce<StatusPageLevel>((worst, l) => (RANK[l] > RANK[worst] ? l : worst), "operational");

/** The page is public and busiest during an outage: every process answers from a copy at most this old. */
const CACHE_MS = 10_000;
const RECENTLY_RESOLVED_MS = 24 * 3_600_000;
let cached: { at: number; value: Promise<StatusPageData> } | null = null;

type StatusPageData = Awaited<ReturnType<typeof findStatusPageUncached>>;

export function findStatusPage(db: Reader, now = Date.now()): Promise<StatusPageData> {
  if (!cached || now - cached.at > CACHE_MS) {
    const value = findStatusPageUncached(db);
    cached = { at: now, value };
    value.catch(() => (cached = null));
  }
  return cached.value;
}

/** The status page read straight from the database (findStatusPage caches it). */
async function findStatusPageUncached(db: Reader) {
  const [systems, incidents] = await Promise.all([
    findSystemOptions(db),
    db.incident.findMany({
      // An incident the commander keeps off the status page ("operational") is not shown at all.
      // Open and published; or resolved in the last day after being published (its last public update shows).
      where: {
        OR: [
          { status: { not: "resolved" }, statusPageLevel: { not: "operational" } },
          {
            status: "resolved",
            resolvedAt: { gte: new Date(Date.now() - RECENTLY_RESOLVED_MS) },
            timeline: { some: { kind: "resolved", public: true } },
          },
        ],
      },
      orderBy: { declaredAt: "desc" },
      take: 50,
      select: {
        id: true,
        title: true,
        status: true,
        statusPageLevel: true,
        systemId: true,
        declaredAt: true,
        timeline: {
          where: { public: true },
          orderBy: { id: "desc" },
          take: 20,
          select: { id: true, at: true, message: true },
        },
      },
    }),
  ]);
  return {
    systems: systems.map((system) => ({
      ...system,
      level: worstLevel(
        incidents.filter((i) => i.systemId === system.id && i.status !== "resolved").map((i) => i.statusPageLevel),
      ),
    })),
    incidents,
  };
}
