// On-call schedule writes: a schedule is saved whole (its layers and their members replaced in one transaction,
// checked against the version the editor loaded, audited as a readable snapshot); overrides are added and removed
// one by one; each schedule and each contact may have a secret calendar-feed token (a new one revokes the old).
import { randomBytes } from "node:crypto";
import type { Db, Reader, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { OverrideFields, ScheduleFields } from "./schemas";

const scheduleInclude = {
  layers: {
    orderBy: { position: "asc" },
    include: {
      members: { orderBy: { position: "asc" }, select: { contactId: true, contact: { select: { name: true } } } },
    },
  },
  levelTargets: {
    select: { level: { select: { position: true, policy: { select: { id: true, name: true } } } } },
  },
} as const;

/** One schedule with its layers (lowest first), members in turn order, and the escalation levels that page it. */
export function findSchedule(db: Reader, id: string) {
  return db.onCallSchedule.findUnique({ where: { id }, include: scheduleInclude });
}

type LoadedSchedule = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

/** What the audit trail keeps of a schedule: names, not ids, in layer order. */
function snapshot(s: LoadedSchedule) {
  return {
    name: s.name,
    description: s.description,
    timeZone: s.timeZone,
    layers: s.layers.map((l) => ({
      layer: l.position,
      name: l.name,
      timeZone: l.timeZone,
      start: `${l.startDate} ${l.handoffTime}`,
      shift: `${l.shiftLength} ${l.shiftUnit}`,
      restrictions: l.restrictions,
      members: l.members.map((m) => m.contact.name),
    })),
    version: s.version,
  };
}

async function assertContactsExist(tx: Tx, ids: readonly string[], field: string, what: string) {
  const unique = [...new Set(ids)];
  const found = await tx.contact.count({ where: { id: { in: unique } } });
  if (found !== unique.length)
    throw new AppError("VALIDATION", { userMessage: `${what} names a contact that does not exist (any more).`, field });
}

async function writeLayers(tx: Tx, scheduleId: string, layers: ScheduleFields["layers"]) {
  await tx.scheduleLayer.deleteMany({ where: { scheduleId } });
  for (const [index, layer] of layers.entries()) {
    const { memberIds, restrictions, ...fields } = layer;
    await tx.scheduleLayer.create({
      data: {
        ...fields,
        scheduleId,
        // Listed lowest first: the last layer wins where it has someone.
        position: index + 1,
        restrictions,
        members: { create: memberIds.map((contactId, position) => ({ contactId, position: position + 1 })) },
      },
    });
  }
}

async function assertLayerMembers(tx: Tx, layers: ScheduleFields["layers"]) {
  for (const [i, layer] of layers.entries()) await assertContactsExist(tx, layer.memberIds, "layers", `Layer ${i + 1}`);
}

function nameConflict(error: unknown, name: string): never {
  if (isUniqueViolation(error))
    throw new AppError("CONFLICT", { userMessage: `A schedule named "${name}" already exists.`, field: "name" });
  throw error;
}

export async function createSchedule(db: Db, actor: AuditActor, fields: ScheduleFields) {
  const { layers, ...schedule } = fields;
  try {
    return await db.$transaction(async (tx) => {
      await assertLayerMembers(tx, layers);
      const created = await tx.onCallSchedule.create({ data: schedule, select: { id: true } });
      await writeLayers(tx, created.id, layers);
      const after = (await findSchedule(tx, created.id))!;
      await recordAudit(tx, {
        actor,
        action: "schedule.create",
        entityType: "OnCallSchedule",
        entityId: created.id,
        after: snapshot(after),
      });
      return { id: created.id, version: after.version };
    });
  } catch (error) {
    nameConflict(error, fields.name);
  }
}

export async function updateSchedule(
  db: Db,
  actor: AuditActor,
  input: ScheduleFields & { id: string; version: number },
) {
  const { id, version, layers, ...schedule } = input;
  try {
    return await db.$transaction(async (tx) => {
      const current = await assertCurrentVersion(tx, await findSchedule(tx, id), {
        entityType: "OnCallSchedule",
        entityId: id,
        version,
        label: "this schedule",
      });
      await assertLayerMembers(tx, layers);
      const { count } = await tx.onCallSchedule.updateMany({
        where: { id, version },
        data: { ...schedule, version: { increment: 1 } },
      });
      if (count !== 1)
        throw new AppError("CONFLICT", {
          userMessage: "Someone else saved this schedule at the same moment. Reload and try again.",
        });
      await writeLayers(tx, id, layers);
      const after = (await findSchedule(tx, id))!;
      await recordAudit(tx, {
        actor,
        action: "schedule.update",
        entityType: "OnCallSchedule",
        entityId: id,
        before: snapshot(current),
        after: snapshot(after),
      });
      return { id, version: after.version };
    });
  } catch (error) {
    nameConflict(error, input.name);
  }
}

/** Deletes a schedule no escalation level pages; refused naming the policies that do. */
export async function deleteSchedule(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const current = await assertCurrentVersion(tx, await findSchedule(tx, input.id), {
      entityType: "OnCallSchedule",
      entityId: input.id,
      version: input.version,
      label: "this schedule",
    });
    if (current.levelTargets.length > 0) {
      const uses = [
        ...new Set(current.levelTargets.map((t) => `${t.level.policy.name} (level ${t.level.position})`)),
      ].join(", ");
      throw new AppError("CONFLICT", {
        userMessage: `The schedule ${current.name} is paged by escalation policies: ${uses}. Remove it from those levels first.`,
      });
    }
    const { count } = await tx.onCallSchedule.deleteMany({ where: { id: input.id, version: input.version } });
    if (count !== 1)
      throw new AppError("CONFLICT", {
        userMessage: "Someone else changed this schedule at the same moment. Reload and try again.",
      });
    await recordAudit(tx, {
      actor,
      action: "schedule.delete",
      entityType: "OnCallSchedule",
      entityId: input.id,
      before: snapshot(current),
    });
    return { id: input.id };
  });
}

/** The overrides of one schedule that end after `from`, oldest first, with names for the page. */
export function findOverrides(db: Reader, scheduleId: string, from: Date = new Date()) {
  return db.scheduleOverride.findMany({
    where: { scheduleId, endsAt: { gt: from } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      contactId: true,
      replacesContactId: true,
      startsAt: true,
      endsAt: true,
      reason: true,
      createdAt: true,
      contact: { select: { name: true } },
      replaces: { select: { name: true } },
    },
  });
}

const overrideAudit = (o: {
  contactId: string;
  replacesContactId: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  scheduleId: string;
}) => ({
  scheduleId: o.scheduleId,
  contactId: o.contactId,
  replacesContactId: o.replacesContactId,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  reason: o.reason,
});

/**
 * Adds an override. Another override of the same schedule for the same covered person over the same time is
 * stored all the same (the later one wins; the linter reports the overlap) and named in `overlaps`, so the
 * form can say so.
 */
export async function createOverride(db: Db, actor: AuditActor, fields: OverrideFields) {
  return db.$transaction(async (tx) => {
    const schedule = await tx.onCallSchedule.findUnique({ where: { id: fields.scheduleId }, select: { id: true } });
    if (!schedule) throw new AppError("NOT_FOUND", { userMessage: "That schedule no longer exists." });
    await assertContactsExist(tx, [fields.contactId], "contactId", "The override");
    if (fields.replacesContactId)
      await assertContactsExist(tx, [fields.replacesContactId], "replacesContactId", "The override");
    const overlapping = await tx.scheduleOverride.findMany({
      where: {
        scheduleId: fields.scheduleId,
        replacesContactId: fields.replacesContactId,
        startsAt: { lt: fields.endsAt },
        endsAt: { gt: fields.startsAt },
      },
      select: { id: true, contact: { select: { name: true } } },
    });
    const createdById = "id" in actor ? actor.id : null;
    const created = await tx.scheduleOverride.create({ data: { ...fields, createdById }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "schedule.override.create",
      entityType: "ScheduleOverride",
      entityId: created.id,
      after: overrideAudit(fields),
    });
    return { id: created.id, overlaps: overlapping.map((o) => o.contact.name) };
  });
}

export async function deleteOverride(db: Db, actor: AuditActor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.scheduleOverride.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("NOT_FOUND", { userMessage: "That override no longer exists." });
    await tx.scheduleOverride.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actor,
      action: "schedule.override.delete",
      entityType: "ScheduleOverride",
      entityId: input.id,
      before: overrideAudit(before),
    });
    return { id: input.id };
  });
}

/** A fresh calendar-feed secret: 32 random bytes, base64url (43 characters). */
const newFeedSecret = () => randomBytes(32).toString("base64url");

/**
 * Gives a schedule or a contact a new calendar-feed token; the old URL stops working at once. The audit event
 * records that it changed, never the token (the URL is the only credential a calendar app holds).
 */
export async function newFeedToken(db: Db, actor: AuditActor, target: { kind: "schedule" | "contact"; id: string }) {
  return db.$transaction(async (tx) => {
    const feedToken = newFeedSecret();
    const { count } =
      target.kind === "schedule"
        ? await tx.onCallSchedule.updateMany({ where: { id: target.id }, data: { feedToken } })
        : await tx.contact.updateMany({ where: { id: target.id }, data: { feedToken } });
    if (count !== 1) throw new AppError("NOT_FOUND", { userMessage: `That ${target.kind} no longer exists.` });
    await recordAudit(tx, {
      actor,
      action: `${target.kind}.feed.renew`,
      entityType: target.kind === "schedule" ? "OnCallSchedule" : "Contact",
      entityId: target.id,
      after: { feed: "new link issued; the previous one no longer works" },
    });
    return { feedToken };
  });
}
