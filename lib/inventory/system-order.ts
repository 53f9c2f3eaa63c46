// A system's recovery order: its services in waves, plus the services of other systems it waits for.
import type { Db } from "@/lib/db/client";
import { computeRecoveryWaves, DependencyCycleError, type RecoveryWave } from "./recovery-order";

export type SystemGraph = {
  /** Set when stored dependencies form a loop (only possible through direct database edits). */
  cycle?: string[];
  nodes: { id: string; name: string; tier: number; kind: string }[];
  edges: { serviceId: string; dependsOnId: string }[];
  external: { serviceId: string; dependsOnId: string; dependsOnName: string; dependsOnSystem: string }[];
  waves: RecoveryWave[];
};

/** A dependency edge leaving one of a system's services, with where the dependency lives. */
export type DependencyRow = {
  serviceId: string;
  dependsOnId: string;
  dependsOnName: string;
  dependsOnSystemId: string;
  dependsOnSystem: string;
};

/** A system's services and the dependency edges leaving them (empty for an unknown system). */
export async function findSystemRecoveryOrder(db: Db, systemId: string): Promise<SystemGraph> {
  const nodes = await db.service.findMany({
    where: { systemId },
    select: { id: true, name: true, tier: true, kind: true },
  });
  const edges = await db.$queryRaw<DependencyRow[]>`
    SELECT d."serviceId", d."dependsOnId", t.name AS "dependsOnName", t."systemId" AS "dependsOnSystemId", sys.name AS "dependsOnSystem"
    FROM "ServiceDependency" d
    JOIN "Service" s ON s.id = d."serviceId"
    JOIN "Service" t ON t.id = d."dependsOnId"
    JOIN "System" sys ON sys.id = t."systemId"
    WHERE s."systemId" = ${systemId}`;
  return buildSystemGraph(systemId, nodes, edges);
}

/** The graph and waves from rows already loaded (e.g. every system at once, for the break-glass pack). */
export function buildSystemGraph(
  systemId: string,
  nodes: SystemGraph["nodes"],
  edges: readonly DependencyRow[],
): SystemGraph {
  const internal = edges
    .filter((e) => e.dependsOnSystemId === systemId)
    .map(({ serviceId, dependsOnId }) => ({ serviceId, dependsOnId }));
  const external = edges
    .filter((e) => e.dependsOnSystemId !== systemId)
    .map(({ serviceId, dependsOnId, dependsOnName, dependsOnSystem }) => ({
      serviceId,
      dependsOnId,
      dependsOnName,
      dependsOnSystem,
    }));
  try {
    return { nodes, edges: internal, external, waves: computeRecoveryWaves(nodes, internal) };
  } catch (error) {
    if (error instanceof DependencyCycleError)
      return { nodes, edges: internal, external, waves: [], cycle: error.cycle };
    throw error;
  }
}
