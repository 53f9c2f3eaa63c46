// Escalation policies are edited as one table and saved whole: the policy row and all its levels are
// replaced in one transaction, checked against the version the editor loaded, and audited as a snapshot
// (so the history shows exactly which levels changed).
import type { Db, Reader, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned } from "@/lib/audit/versioned";
import { channelReadiness } from "./model";
import type { PolicyFields } from "./schemas";

const policyInclude = {
  system: { select: { id: true, name: true } },
  levels: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      afterMinutes: true,
      roleTargets: true,
      contacts: { select: { contact: { select: { id: true, name: true } } } },
      channels: { select: { channel: { select: { id: true, name: true, type: true } } } },
      schedules: { select: { schedule: { select: { id: true, name: true } } } },
    },
  },
} as const;

/** One escalation policy with its levels and targets, or null. */
export async function findPolicy(db: Reader, id: string) {
  return db.escalationPolicy.findUnique({ where: { id }, include: policyInclude });
}

export function findPolicies(db: Reader) {
  return db.escalationPolicy.findMany({ include: policyInclude, orderBy: { name: "asc" } });
}

type LoadedPolicy = NonNullable<Awaited<ReturnType<typeof findPolicy>>>;

/** What the audit trail keeps of a policy: readable names, in level order. */
function snapshot(policy: LoadedPolicy) {
  return {
    name: policy.name,
    description: policy.description,
    system: policy.system?.name ?? null,
    tier: policy.tier,
    repeatTimes: policy.repeatTimes,
    repeatAfterMinutes: policy.repeatAfterMinutes,
    levels: policy.levels.map((l) => ({
      level: l.position,
      after: l.afterMinutes,
      contacts: l.contacts.map((c) => c.contact.name),
      roles: l.roleTargets,
      channels: l.channels.map((c) => c.channel.name),
      schedules: l.schedules.map((s) => s.schedule.name),
    })),
    version: policy.version,
  };
}

// Every referenced contact, channel, schedule and system must exist, and every channel must be able to deliver.
async function assertReferences(tx: Tx, fields: PolicyFields) {
  const contactIds = [...new Set(fields.levels.flatMap((l) => l.contactIds))];
  const channelIds = [...new Set(fields.levels.flatMap((l) => l.channelIds))];
  const scheduleIds = [...new Set(fields.levels.flatMap((l) => l.scheduleIds ?? []))];
  const [contacts, channels, system, schedules] = await Promise.all([
    tx.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true } }),
    tx.notificationChannel.findMany({ where: { id: { in: channelIds } } }),
    fields.systemId
      ? tx.system.findUnique({ where: { id: fields.systemId }, select: { id: true } })
      : Promise.resolve(null),
    tx.onCallSchedule.findMany({ where: { id: { in: scheduleIds } }, select: { id: true } }),
  ]);
  const known = new Set(contacts.map((c) => c.id));
  const knownSchedules = new Set(schedules.map((s) => s.id));
  fields.levels.forEach((level, i) => {
    if ((level.scheduleIds ?? []).some((s) => !knownSchedules.has(s)))
      throw new AppError("VALIDATION", {
        userMessage: `Level ${i + 1} names a schedule that does not exist (any more).`,
        field: "levels",
      });
  });
  fields.levels.forEach((level, i) => {
    if (level.contactIds.some((c) => !known.has(c))) {
      throw new AppError("VALIDATION", {
        userMessage: `Level ${i + 1} names a contact that does not exist (any more).`,
        field: "levels",
      });
    }
  });
  const readiness = channelReadiness(Boolean(env().SMTP_URL));
  const byId = new Map(channels.map((c) => [c.id, c]));
  fields.levels.forEach((level, i) => {
    for (const channelId of level.channelIds) {
      const channel = byId.get(channelId);
      if (!channel)
        throw new AppError("VALIDATION", {
          userMessage: `Level ${i + 1} uses a channel that does not exist (any more).`,
          field: "levels",
        });
      const ready = readiness(channel);
      if (!ready.ready)
        throw new AppError("VALIDATION", {
          userMessage: `Level ${i + 1}: ${ready.reason}, so it cannot deliver.`,
          field: "levels",
        });
    }
  });
  if (fields.systemId && !system)
    throw new AppError("VALIDATION", { userMessage: "That system does not exist (any more).", field: "systemId" });
}

async function writeLevels(tx: Tx, policyId: string, levels: PolicyFields["levels"]) {
  await tx.escalationLevel.deleteMany({ where: { policyId } });
  for (const [index, level] of levels.entries()) {
    await tx.escalationLevel.create({
      data: {
        policyId,
        position: index + 1,
        afterMinutes: level.afterMinutes,
        roleTargets: level.roleTargets,
        contacts: { create: [...new Set(level.contactIds)].map((contactId) => ({ contactId })) },
        channels: { create: [...new Set(level.channelIds)].map((channelId) => ({ channelId })) },
        schedules: { create: [...new Set(level.scheduleIds ?? [])].map((scheduleId) => ({ scheduleId })) },
      },
    });
  }
}

function attachmentConflict(error: unknown, fields: PolicyFields): never {
  if (isUniqueViolation(error)) {
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "") + String((error as Error).message);
    if (/name/.test(target))
      throw new AppError("CONFLICT", { userMessage: `A policy named "${fields.name}" already exists.`, field: "name" });
    if (/systemId/.test(target))
      throw new AppError("CONFLICT", {
        userMessage: "That system already has an escalation policy.",
        field: "systemId",
      });
    if (/tier/.test(target))
      throw new AppError("CONFLICT", {
        userMessage: `Tier ${fields.tier} already has an escalation policy.`,
        field: "tier",
      });
    throw new AppError("CONFLICT", { userMessage: "Another policy already uses that name, system or tier." });
  }
  throw error;
}

export async function createPolicy(db: Db, actor: AuditActor, fields: PolicyFields) {
  const { levels, ...policy } = fields;
  try {
    return await db.$transaction(async (tx) => {
      await assertReferences(tx, fields);
      const created = await tx.escalationPolicy.create({ data: policy, select: { id: true } });
      await writeLevels(tx, created.id, levels);
      const after = (await findPolicy(tx, created.id))!;
      await recordAudit(tx, {
        actor,
        action: "policy.create",
        entityType: "EscalationPolicy",
        entityId: created.id,
        after: snapshot(after),
      });
      return { id: created.id, version: after.version };
    });
  } catch (error) {
    attachmentConflict(error, fields);
  }
}

export async function updatePolicy(db: Db, actor: AuditActor, input: PolicyFields & { id: string; version: number }) {
  const { id, version, levels, ...policy } = input;
  try {
    return await db.$transaction(async (tx) => {
      const current = await assertCurrentVersion(tx, await findPolicy(tx, id), {
        entityType: "EscalationPolicy",
        entityId: id,
        version,
        label: "this policy",
      });
      await assertReferences(tx, input);
      const { count } = await tx.escalationPolicy.updateMany({
        where: { id, version },
        data: { ...policy, version: { increment: 1 } },
      });
      if (count !== 1)
        throw new AppError("CONFLICT", {
          userMessage: "Someone else saved this policy at the same moment. Reload and try again.",
        });
      await writeLevels(tx, id, levels);
      const after = (await findPolicy(tx, id))!;
      await recordAudit(tx, {
        actor,
        action: "policy.update",
        entityType: "EscalationPolicy",
        entityId: id,
        before: snapshot(current),
        after: snapshot(after),
      });
      return { id, version: after.version };
    });
  } catch (error) {
    attachmentConflict(error, input);
  }
}

export async function deletePolicy(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    await deleteVersioned(
      tx,
      actor,
      {
        action: "policy.delete",
        entityType: "EscalationPolicy",
        entityId: input.id,
        version: input.version,
        label: "this policy",
      },
      {
        read: () => findPolicy(tx, input.id),
        remove: () => tx.escalationPolicy.deleteMany({ where: { id: input.id, version: input.version } }),
        audit: snapshot,
      },
    );
    return { id: input.id };
  });
}
