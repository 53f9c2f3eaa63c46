import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import type { SystemFields } from "./schemas";

/** What a DR plan states about a system (the break-glass pack prints these). */
export const systemPlanSelect = {
  id: true,
  name: true,
  description: true,
  drStrategy: true,
  primaryRegion: true,
  drRegion: true,
} as const;
export type SystemPlanRow = Prisma.SystemGetPayload<{ select: typeof systemPlanSelect }>;

export const systemSelect = {
  ...systemPlanSelect,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

function duplicateName(name: string) {
  return new AppError("CONFLICT", { userMessage: `A system named "${name}" already exists.`, field: "name" });
}

export async function createSystem(db: Db, actor: AuditActor, fields: SystemFields) {
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        const system = await tx.system.create({ data: fields, select: systemSelect });
        await recordAudit(tx, {
          actor,
          action: "system.create",
          entityType: "System",
          entityId: system.id,
          after: system,
        });
        return system;
      }),
    () => duplicateName(fields.name),
  );
}

export async function updateSystem(db: Db, actor: AuditActor, input: SystemFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  return onUniqueViolation(
    () =>
      db.$transaction((tx) =>
        updateVersioned(
          tx,
          actor,
          { action: "system.update", entityType: "System", entityId: id, version, label: "this system" },
          {
            read: () => tx.system.findUnique({ where: { id }, select: systemSelect }),
            write: () =>
              tx.system.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }),
          },
        ),
      ),
    () => duplicateName(fields.name),
  );
}

/** Only an empty system can be deleted: services are never removed as a side effect. */
export async function deleteSystem(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    await deleteVersioned(
      tx,
      actor,
      {
        action: "system.delete",
        entityType: "System",
        entityId: input.id,
        version: input.version,
        label: "this system",
      },
      {
        read: () => tx.system.findUnique({ where: { id: input.id }, select: systemSelect }),
        prepare: async (before) => {
          const services = await tx.service.count({ where: { systemId: input.id } });
          if (services > 0) {
            throw new AppError("CONFLICT", {
              userMessage: `${before.name} still has ${services} service(s). Delete or move them first.`,
            });
          }
          // Its escalation policy is detached (it stays, unattached) and its own notification matrix removed,
          // each with an audit event, instead of disappearing through foreign keys.
          const policy = await tx.escalationPolicy.findUnique({
            where: { systemId: input.id },
            select: { id: true, name: true, version: true },
          });
          if (policy) {
            await tx.escalationPolicy.update({
              where: { id: policy.id },
              data: { systemId: null, version: { increment: 1 } },
            });
            await recordAudit(tx, {
              actor,
              action: "policy.update",
              entityType: "EscalationPolicy",
              entityId: policy.id,
              before: { system: before.name, version: policy.version },
              after: { system: null, reason: `system ${before.name} deleted`, version: policy.version + 1 },
            });
          }
          const matrix = await tx.notificationMatrix.findUnique({
            where: { systemId: input.id },
            select: { id: true, version: true, _count: { select: { rules: true } } },
          });
          if (matrix) {
            await tx.notificationMatrix.delete({ where: { id: matrix.id } });
            await recordAudit(tx, {
              actor,
              action: "matrix.delete",
              entityType: "NotificationMatrix",
              entityId: matrix.id,
              before: { rules: matrix._count.rules, reason: `system ${before.name} deleted`, version: matrix.version },
            });
          }
        },
        remove: () => tx.system.deleteMany({ where: { id: input.id, version: input.version } }),
      },
    );
    return { id: input.id };
  });
}
