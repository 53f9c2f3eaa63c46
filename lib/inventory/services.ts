// Writes to services: validated input in, one transaction with its audit event, version-checked.
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import { GRAPH_LOCK } from "./dependencies";
import type { ServiceFields } from "./schemas";

/** What a DR plan states about a service (the break-glass pack prints these). */
export const servicePlanSelect = {
  id: true,
  name: true,
  kind: true,
  tier: true,
  rtoMinutes: true,
  rpoMinutes: true,
  owner: true,
  healthCheckUrl: true,
} as const;
export type ServicePlanRow = Prisma.ServiceGetPayload<{ select: typeof servicePlanSelect }>;

export const serviceSelect = {
  ...servicePlanSelect,
  systemId: true,
  notes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

function duplicateName(name: string) {
  return new AppError("CONFLICT", { userMessage: `This system already has a service named "${name}".`, field: "name" });
}

async function assertSystemExists(tx: Tx, systemId: string) {
  if (!(await tx.system.findUnique({ where: { id: systemId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", { userMessage: "That system does not exist (any more).", field: "systemId" });
  }
}

export async function createService(db: Db, actor: AuditActor, fields: ServiceFields) {
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        await assertSystemExists(tx, fields.systemId);
        const service = await tx.service.create({ data: fields, select: serviceSelect });
        await recordAudit(tx, {
          actor,
          action: "service.create",
          entityType: "Service",
          entityId: service.id,
          after: service,
        });
        return service;
      }),
    () => duplicateName(fields.name),
  );
}

export async function updateService(db: Db, actor: AuditActor, input: ServiceFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  return onUniqueViolation(
    () =>
      db.$transaction((tx) =>
        updateVersioned(
          tx,
          actor,
          { action: "service.update", entityType: "Service", entityId: id, version, label: "this service" },
          {
            read: () => tx.service.findUnique({ where: { id }, select: serviceSelect }),
            write: async (before) => {
              if (fields.systemId !== before.systemId) await assertSystemExists(tx, fields.systemId);
              return tx.service.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
            },
          },
        ),
      ),
    () => duplicateName(fields.name),
  );
}

/**
 * Deletes a service. When others depend on it, the caller must confirm exactly the current list of
 * dependents (what the person was shown); their edges are removed and audited with it.
 */
export async function deleteService(
  db: Db,
  actor: AuditActor,
  input: { id: string; version: number; confirmDependents: string[] },
) {
  return db.$transaction(async (tx) => {
    // Same lock as edge writes: no edge to this service can appear between the check below and the delete.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GRAPH_LOCK})`;
    let detached = 0;
    const deleted = await deleteVersioned(
      tx,
      actor,
      {
        action: "service.delete",
        entityType: "Service",
        entityId: input.id,
        version: input.version,
        label: "this service",
      },
      {
        read: () => tx.service.findUnique({ where: { id: input.id }, select: serviceSelect }),
        prepare: async (before) => {
          const dependents = await tx.serviceDependency.findMany({
            where: { dependsOnId: input.id },
            select: { serviceId: true, service: { select: { name: true } } },
          });
          const confirmed = new Set(input.confirmDependents);
          const unconfirmed = dependents.filter((d) => !confirmed.has(d.serviceId));
          if (unconfirmed.length > 0) {
            throw new AppError("CONFLICT", {
              userMessage: `${dependents.length} service(s) depend on ${before.name}: ${dependents.map((d) => d.service.name).join(", ")}. Confirm to remove those dependencies with it.`,
            });
          }
          detached = dependents.length;
          const ownEdges = await tx.serviceDependency.findMany({
            where: { serviceId: input.id },
            select: { dependsOnId: true },
          });
          const removedEdges = [
            ...dependents.map((d) => ({ serviceId: d.serviceId, dependsOnId: input.id })),
            ...ownEdges.map((e) => ({ serviceId: input.id, dependsOnId: e.dependsOnId })),
          ];
          for (const edge of removedEdges) {
            await recordAudit(tx, {
              actor,
              action: "dependency.delete",
              entityType: "ServiceDependency",
              entityId: `${edge.serviceId}->${edge.dependsOnId}`,
              before: { ...edge, reason: `service ${before.name} deleted` },
            });
          }
          // Backup policies and their run history go with the service (foreign keys cascade): keep the count in the audit.
          const [backupPolicies, backupRuns] = await Promise.all([
            tx.backupPolicy.count({ where: { serviceId: input.id } }),
            tx.backupRun.count({ where: { serviceId: input.id } }),
          ]);
          await tx.serviceDependency.deleteMany({
            where: { OR: [{ dependsOnId: input.id }, { serviceId: input.id }] },
          });
          return { backupPoliciesDeleted: backupPolicies, backupRunsDeleted: backupRuns };
        },
        remove: () => tx.service.deleteMany({ where: { id: input.id, version: input.version } }),
      },
    );
    return { id: input.id, systemId: deleted.systemId, detached };
  });
}
