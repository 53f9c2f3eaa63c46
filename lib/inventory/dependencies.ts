// Dependency edges. The graph must stay acyclic: a new edge that would close a loop is refused with the
// whole loop named. Writes to the graph are serialised on one advisory lock, so two edges added at the
// same moment cannot together form a cycle that each alone would not.
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { cycleIfAdded } from "./recovery-order";

/** Serialises every write to the dependency graph (edges, and deleting services). */
export const GRAPH_LOCK = 4242002;

/**
 * The cycle that `serviceId → dependsOnId` would close, as ids, or null. Reachability is settled in SQL
 * (each service visited once); only when the answer is yes are the reachable edges loaded to name the loop.
 */
async function cycleClosedBy(tx: Tx, serviceId: string, dependsOnId: string): Promise<string[] | null> {
  const reachable = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE reach(id) AS (
      SELECT ${dependsOnId}::text
      UNION
      SELECT d."dependsOnId" FROM reach JOIN "ServiceDependency" d ON d."serviceId" = reach.id
    )
    SELECT id FROM reach`;
  const ids = reachable.map((r) => r.id);
  if (!ids.includes(serviceId)) return null;
  const edges = await tx.serviceDependency.findMany({
    where: { serviceId: { in: ids } },
    select: { serviceId: true, dependsOnId: true },
  });
  const adjacency = new Map<string, string[]>();
  for (const e of edges) adjacency.set(e.serviceId, [...(adjacency.get(e.serviceId) ?? []), e.dependsOnId]);
  return cycleIfAdded(serviceId, dependsOnId, (id) => adjacency.get(id) ?? []);
}

async function namesOf(tx: Tx, ids: string[]): Promise<string[]> {
  const services = await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const label = new Map(services.map((s) => [s.id, s.name]));
  return ids.map((id) => label.get(id) ?? id);
}

export async function addDependency(db: Db, actor: AuditActor, input: { serviceId: string; dependsOnId: string }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GRAPH_LOCK})`;
    const found = await tx.service.findMany({
      where: { id: { in: [input.serviceId, input.dependsOnId] } },
      select: { id: true, name: true },
    });
    const service = found.find((s) => s.id === input.serviceId);
    const dependency = found.find((s) => s.id === input.dependsOnId);
    if (!service) throw new AppError("NOT_FOUND", { userMessage: "That service no longer exists." });
    if (!dependency)
      throw new AppError("VALIDATION", {
        userMessage: "Unknown dependency: choose an existing service.",
        field: "dependsOnId",
      });
    if (service.id === dependency.id) {
      throw new AppError("VALIDATION", {
        userMessage: `${service.name} cannot depend on itself.`,
        field: "dependsOnId",
      });
    }
    const existing = await tx.serviceDependency.findUnique({ where: { serviceId_dependsOnId: input } });
    if (existing) return { created: false };

    // The new edge service → dependency closes a loop exactly when the dependency already reaches the service.
    const loop = await cycleClosedBy(tx, service.id, dependency.id);
    if (loop) {
      const cycle = await namesOf(tx, loop);
      throw new AppError("CONFLICT", {
        userMessage: `That would create a dependency cycle: ${cycle.join(" → ")}.`,
        field: "dependsOnId",
      });
    }
    await tx.serviceDependency.create({ data: input });
    await recordAudit(tx, {
      actor,
      action: "dependency.create",
      entityType: "ServiceDependency",
      entityId: `${input.serviceId}->${input.dependsOnId}`,
      after: { ...input, service: service.name, dependsOn: dependency.name },
    });
    return { created: true };
  });
}

export async function removeDependency(db: Db, actor: AuditActor, input: { serviceId: string; dependsOnId: string }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GRAPH_LOCK})`;
    const { count } = await tx.serviceDependency.deleteMany({ where: input });
    if (count === 0) return { removed: false };
    await recordAudit(tx, {
      actor,
      action: "dependency.delete",
      entityType: "ServiceDependency",
      entityId: `${input.serviceId}->${input.dependsOnId}`,
      before: input,
    });
    return { removed: true };
  });
}
