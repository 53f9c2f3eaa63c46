import { z } from "zod";
import type { Db, Reader } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { cronProblem, missedSchedule } from "./rules";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalInt = (label: string, max: number) =>
  z.preprocess(blankToNull, z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be whole`).min(0, `${label} cannot be negative`).max(max, `${label} is at most ${max}`).nullable());

export const VERIFICATIONS = ["none", "exists", "decompresses", "restore_test"] as const;
export const VERIFICATION_LABELS: Record<(typeof VERIFICATIONS)[number], string> = {
  none: "Not verified",
  exists: "File exists and is not empty",
  decompresses: "Archive decompresses",
  restore_test: "Restore test",
};

export const backupPolicyFieldsSchema = z
  .object({
    serviceId: z.string().min(1).max(64),
    name: z.string().trim().min(1, "Name is required").max(120),
    intervalMinutes: optionalInt("Interval", 525_600).default(null),
    cron: z.preprocess(blankToNull, z.string().trim().max(100).nullable()).default(null),
    retentionLocalDays: optionalInt("Local retention", 36_500).default(null),
    retentionRemoteDays: optionalInt("Remote retention", 36_500).default(null),
    locations: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    method: z.string().trim().max(500).default(""),
    verification: z.enum(VERIFICATIONS, { error: "Unknown verification" }).default("none"),
    requireVerified: z.boolean().default(false),
    graceMinutes: z.coerce.number().int().min(0, "Grace cannot be negative").max(10_080).default(30),
  })
  .superRefine((p, ctx) => {
    if ((p.intervalMinutes === null) === (p.cron === null)) {
      ctx.addIssue({ code: "custom", path: ["intervalMinutes"], message: "Give either an interval in minutes or a cron expression, not both" });
    }
    if (p.intervalMinutes === 0) ctx.addIssue({ code: "custom", path: ["intervalMinutes"], message: "Interval must be at least 1 minute" });
    const problem = p.cron ? cronProblem(p.cron) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["cron"], message: problem });
    if (p.requireVerified && p.verification === "none") ctx.addIssue({ code: "custom", path: ["requireVerified"], message: "Choose how runs are verified before requiring it" });
  });
export const updateBackupPolicySchema = z.intersection(backupPolicyFieldsSchema, z.object({ id: z.string().min(1).max(64), version: z.number().int().positive().max(2_147_483_647) }));
export const backupPolicyRefSchema = z.object({ id: z.string().min(1).max(64), version: z.number().int().positive().max(2_147_483_647) });
export type BackupPolicyFields = z.infer<typeof backupPolicyFieldsSchema>;

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
