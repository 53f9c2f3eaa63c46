// What a service page shows: the service, what it needs, what needs it (transitively: the blast radius),
// and the warnings that follow from them.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { effectiveObjectives, findTierDefaults } from "./tier-defaults";
import { serviceSelect } from "./services";

export type RelatedService = {
  id: string;
  name: string;
  tier: number;
  systemId: string;
  systemName: string;
  rtoMinutes: number | null;
  /** 1 = direct; n = n hops away. */
  depth: number;
};

/** One service with its objectives, dependencies and blast radius, or null when there is no such service. */
export async function findServiceDetail(db: Db, id: string) {
  const service = await db.service.findUnique({
    where: { id },
    select: { ...serviceSelect, system: { select: { id: true, name: true } } },
  });
  if (!service) return null;
  const [defaults, dependencies, blastRadius] = await Promise.all([
    findTierDefaults(db),
    findRelated(db, id, "dependencies", 1),
    findRelated(db, id, "dependents"),
  ]);
  const objectives = effectiveObjectives(service, defaults);
  return {
    service,
    objectives,
    dependencies,
    blastRadius,
    blastSummary: summarizeBlastRadius(blastRadius),
    rtoWarnings: findRtoWarnings(objectives.rtoMinutes, dependencies),
  };
}

/**
 * Services reachable from `id` along dependency edges, in SQL: "dependencies" walks what it needs,
 * "dependents" walks what needs it. Each service appears once, at its shortest distance.
 */
export async function findRelated(
  db: Db,
  id: string,
  direction: "dependencies" | "dependents",
  maxDepth = 100,
): Promise<RelatedService[]> {
  // Column names are constants chosen here, never input: safe to splice in raw.
  const [near, far] =
    direction === "dependents"
      ? [Prisma.raw(`"dependsOnId"`), Prisma.raw(`"serviceId"`)]
      : [Prisma.raw(`"serviceId"`), Prisma.raw(`"dependsOnId"`)];
  const rows = await db.$queryRaw<RelatedService[]>`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT d.${far}, 1 FROM "ServiceDependency" d WHERE d.${near} = ${id}
      UNION -- not UNION ALL: each (service, depth) once, so diamonds do not multiply paths
      SELECT d.${far}, walk.depth + 1
      FROM walk JOIN "ServiceDependency" d ON d.${near} = walk.id
      WHERE walk.depth < ${maxDepth}
    ),
    nearest AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id)
    SELECT s.id, s.name, s.tier, s."systemId", sys.name AS "systemName",
           COALESCE(s."rtoMinutes", td."rtoMinutes") AS "rtoMinutes", n.depth
    FROM nearest n JOIN "Service" s ON s.id = n.id JOIN "System" sys ON sys.id = s."systemId"
    LEFT JOIN "TierDefault" td ON td.tier = s.tier
    ORDER BY n.depth, s.tier, lower(s.name)`;
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

export type BlastSummary = {
  total: number;
  direct: number;
  byTier: Record<number, number>;
  tightestRto: RelatedService | null;
};

/** How bad losing this service is: how many depend on it, at which tiers, and the tightest RTO among them. */
export function summarizeBlastRadius(dependents: readonly RelatedService[]): BlastSummary {
  const byTier: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let tightestRto: RelatedService | null = null;
  for (const s of dependents) {
    byTier[s.tier] = (byTier[s.tier] ?? 0) + 1;
    if (s.rtoMinutes !== null && (tightestRto?.rtoMinutes == null || s.rtoMinutes < tightestRto.rtoMinutes))
      tightestRto = s;
  }
  return { total: dependents.length, direct: dependents.filter((s) => s.depth === 1).length, byTier, tightestRto };
}

export type RtoWarning = { dependency: RelatedService; serviceRto: number; dependencyRto: number };

/** You cannot recover faster than what you depend on: every direct dependency with a longer RTO. */
export function findRtoWarnings(serviceRto: number | null, dependencies: readonly RelatedService[]): RtoWarning[] {
  if (serviceRto === null) return [];
  return dependencies
    .filter((d) => d.depth === 1 && d.rtoMinutes !== null && d.rtoMinutes > serviceRto)
    .map((d) => ({ dependency: d, serviceRto, dependencyRto: d.rtoMinutes! }));
}
