// Backup policies: created, edited and deleted with their audit events, and each one's status (due, missed).
import type { Db, Reader } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { missedSchedule } from "./rules";
import type { BackupPolicyFields } from "./schemas";

const duplicate = (name: string) => new AppError("CONFLICT", { userMessage: `This service already has a backup policy named "${name}".`, field: "name" });

export async function createBackupPolicy(db: Db, actor: AuditActor, fields: BackupPolicyFields) {
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.service.findUnique({ where: { id: fields.serviceId }, select: { id: true } }))) {
        throw new AppError("VALIDATION", { userMessage: "That service does not exist (any more).", field: "serviceId" });
      }
      const policy = await tx.backupPolicy.create({ data: fields });
      await recordAudit(tx, { actor, action: "backup_policy.create", entityType: "BackupPolicy", entityId: policy.id, after: policy });
      return { id: policy.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(fields.name);
    throw error;
  }
}

export async function updateBackupPolicy(db: Db, actor: AuditActor, input: BackupPolicyFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await assertCurrentVersion(tx, await tx.backupPolicy.findUnique({ where: { id } }), { entityType: "BackupPolicy", entityId: id, version, label: "this backup policy" });
      if (fields.serviceId !== before.serviceId) throw new AppError("VALIDATION", { userMessage: "A backup policy stays with its service.", field: "serviceId" });
      const { count } = await tx.backupPolicy.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
      if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Someone else saved this backup policy at the same moment. Reload and try again." });
      const after = await tx.backupPolicy.findUniqueOrThrow({ where: { id } });
      await recordAudit(tx, { actor, action: "backup_policy.update", entityType: "BackupPolicy", entityId: id, before, after });
      return { id, version: after.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(fields.name);
    throw error;
  }
}

export async function deleteBackupPolicy(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await assertCurrentVersion(tx, await tx.backupPolicy.findUnique({ where: { id: input.id } }), { entityType: "BackupPolicy", entityId: input.id, version: input.version, label: "this backup policy" });
    const runs = await tx.backupRun.count({ where: { policyId: input.id } });
    const { count } = await tx.backupPolicy.deleteMany({ where: { id: input.id, version: input.version } });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Someone else changed this backup policy at the same moment. Reload and try again." });
    await recordAudit(tx, { actor, action: "backup_policy.delete", entityType: "BackupPolicy", entityId: input.id, before: { ...before, runsDeleted: runs } });
    return { id: input.id, serviceId: before.serviceId };
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
