// Backup policies: created, edited and deleted with their audit events, and each one's status (due, missed).
import type { Db, Reader } from "@/lib/db/client";
import { onUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import { missedSchedule } from "./rules";
import type { BackupPolicyFields } from "./schemas";

const duplicate = (name: string) =>
  new AppError("CONFLICT", { userMessage: `This service already has a backup policy named "${name}".`, field: "name" });

export async function createBackupPolicy(db: Db, actor: AuditActor, fields: BackupPolicyFields) {
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tx.service.findUnique({ where: { id: fields.serviceId }, select: { id: true } }))) {
          throw new AppError("VALIDATION", {
            userMessage: "That service does not exist (any more).",
            field: "serviceId",
          });
        }
        const policy = await tx.backupPolicy.create({ data: fields });
        await recordAudit(tx, {
          actor,
          action: "backup_policy.create",
          entityType: "BackupPolicy",
          entityId: policy.id,
          after: policy,
        });
        return { id: policy.id };
      }),
    () => duplicate(fields.name),
  );
}

export async function updateBackupPolicy(
  db: Db,
  actor: AuditActor,
  input: BackupPolicyFields & { id: string; version: number },
) {
  const { id, version, ...fields } = input;
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        const after = await updateVersioned(
          tx,
          actor,
          {
            action: "backup_policy.update",
            entityType: "BackupPolicy",
            entityId: id,
            version,
            label: "this backup policy",
          },
          {
            read: () => tx.backupPolicy.findUnique({ where: { id } }),
            write: (before) => {
              if (fields.serviceId !== before.serviceId)
                throw new AppError("VALIDATION", {
                  userMessage: "A backup policy stays with its service.",
                  field: "serviceId",
                });
              return tx.backupPolicy.updateMany({
                where: { id, version },
                data: { ...fields, version: { increment: 1 } },
              });
            },
          },
        );
        return { id, version: after.version };
      }),
    () => duplicate(fields.name),
  );
}

export async function deleteBackupPolicy(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const deleted = await deleteVersioned(
      tx,
      actor,
      {
        action: "backup_policy.delete",
        entityType: "BackupPolicy",
        entityId: input.id,
        version: input.version,
        label: "this backup policy",
      },
      {
        read: () => tx.backupPolicy.findUnique({ where: { id: input.id } }),
        prepare: async () => ({ runsDeleted: await tx.backupRun.count({ where: { policyId: input.id } }) }),
        remove: () => tx.backupPolicy.deleteMany({ where: { id: input.id, version: input.version } }),
      },
    );
    return { id: input.id, serviceId: deleted.serviceId };
  });
}

/** A service's policies with their last run and whether their schedule is missed. */
export async function findPolicyStatus(db: Reader, serviceId: string, now = new Date()) {
  const policies = await db.backupPolicy.findMany({ where: { serviceId }, orderBy: { name: "asc" } });
  const lastRuns = await db.$queryRaw<{ policyId: string; startedAt: Date; status: string }[]>`
    SELECT DISTINCT ON ("policyId") "policyId", "startedAt", status::text FROM "BackupRun"
    WHERE "policyId" = ANY(${policies.map((p) => p.id)}) ORDER BY "policyId", "startedAt" DESC`;
  const last = new Map(lastRuns.map((r) => [r.policyId, r]));
  return policies.map((p) => {
    const run = last.get(p.id) ?? null;
    return { ...p, lastRun: run, ...missedSchedule(p, run?.startedAt ?? null, p.createdAt, now) };
  });
}
