// Incident writes. Each runs in one transaction: the change, its timeline events, its audit event and any
// durable jobs (escalation timers, notifications) commit together or not at all.
import type { Db, Tx } from "@/lib/db/client";
import type { IncidentEvent, IncidentSource, IncidentStatus, StatusPageLevel } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { timelineActor, type Actor } from "./actor";
import { planEscalation } from "./escalation";
import { incidentHeadSelect } from "./queries";
import { incidentRef, SEVERITY_LABELS, STATUS_LABELS, PUBLISH_LABELS, transitionProblem } from "./model";
import type { DeclareIncidentInput, UpdateIncidentInput } from "./schemas";
import { appendTimeline, type TimelineInput } from "./timeline";

const INVESTIGATING = "We are investigating a problem and will post updates here.";

export const auditSelect = {
  ...incidentHeadSelect,
  systemId: true,
  commanderId: true,
  acknowledgedAt: true,
  resolvedAt: true,
  version: true,
} as const;

/** statusPageLevel: a person's choice when declaring; machines (alert intake) never choose, so their incidents stay off. */
export type OpenIncidentInput = Omit<DeclareIncidentInput, "statusPageLevel"> & {
  statusPageLevel?: StatusPageLevel;
  source: IncidentSource;
  dedupKey?: string | null;
  declaredAt?: Date;
};

async function checkReferences(
  tx: Tx,
  input: { systemId?: string; serviceIds: string[]; commanderId?: string | null },
) {
  const [system, services, commander] = await Promise.all([
    input.systemId ? tx.system.findUnique({ where: { id: input.systemId }, select: { id: true } }) : null,
    tx.service.findMany({
      where: { id: { in: input.serviceIds } },
      select: { id: true, systemId: true, tier: true, name: true },
    }),
    input.commanderId
      ? tx.user.findFirst({
          where: { id: input.commanderId, active: true, role: { in: ["admin", "commander"] } },
          select: { id: true, email: true },
        })
      : null,
  ]);
  if (input.systemId && !system)
    throw new AppError("VALIDATION", { userMessage: "That system does not exist (any more).", field: "systemId" });
  if (services.length !== input.serviceIds.length)
    throw new AppError("VALIDATION", {
      userMessage: "A chosen service does not exist (any more).",
      field: "serviceIds",
    });
  if (input.commanderId && !commander)
    throw new AppError("VALIDATION", {
      userMessage: "The commander must be an active admin or commander.",
      field: "commanderId",
    });
  return { services, commander };
}

/**
 * Opens an incident inside the caller's transaction (declared by hand, or by the alert intake). Returns the
 * timeline events to append rather than appending them: the caller appends once, last, so the timeline
 * lock is held for as short a time as possible.
 */
export async function openIncidentInTx(tx: Tx, jobs: JobSink, actor: Actor, input: OpenIncidentInput) {
  const { services, commander } = await checkReferences(tx, input);
  // Services alone name their system when they all belong to one.
  const systemIds = [...new Set(services.map((s) => s.systemId))];
  const systemId = input.systemId ?? (systemIds.length === 1 ? systemIds[0]! : null);
  const topTier = services.length ? Math.min(...services.map((s) => s.tier)) : await systemTopTier(tx, systemId);
  // Alert text (hosts, addresses, error messages) is internal until a commander decides what the public sees.
  const statusPageLevel = input.statusPageLevel ?? "operational";
  const published = statusPageLevel !== "operational";
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      severity: input.severity,
      systemId,
      commanderId: commander?.id ?? null,
      statusPageLevel,
      source: input.source,
      dedupKey: input.dedupKey ?? null,
      declaredById: "id" in actor ? actor.id : null,
      ...(input.declaredAt ? { declaredAt: input.declaredAt } : {}),
      services: { create: services.map((s) => ({ serviceId: s.id })) },
    },
    select: { ...auditSelect, declaredAt: true, system: { select: { name: true } } },
  });
  const escalation = await planEscalation(tx, jobs, incident, topTier);
  await jobs.enqueue(tx, QUEUES.notify, { incidentId: incident.id, event: "detected" satisfies IncidentEvent });
  await recordAudit(tx, {
    actor,
    action: "incident.declare",
    entityType: "Incident",
    entityId: incident.id,
    after: { ...incident, serviceIds: services.map((s) => s.id) },
  });
  const who = timelineActor(actor);
  const events: TimelineInput[] = [
    {
      incidentId: incident.id,
      kind: "declared",
      actor: who,
      message: `${incidentRef(incident.number)} declared: ${SEVERITY_LABELS[incident.severity]}${incident.system ? ` on ${incident.system.name}` : ""}${services.length ? `, affecting ${services.map((s) => s.name).join(", ")}` : ""}.${commander ? ` Commander: ${commander.email}.` : ""}`,
      data: { severity: incident.severity, serviceIds: services.map((s) => s.id), source: input.source },
    },
    // What the public status page says; the internal details above stay internal.
    published
      ? { incidentId: incident.id, kind: "note", actor: who, message: INVESTIGATING, public: true }
      : {
          incidentId: incident.id,
          kind: "status_page_changed",
          actor: who,
          message: "Not on the public status page: a commander publishes it (Status page shows) when ready.",
        },
    {
      incidentId: incident.id,
      kind: "escalation_fired",
      actor: { name: "escalation" },
      message: escalation.policy
        ? `Escalation policy "${escalation.policy.name}" started: ${escalation.pages} page(s) planned until someone acknowledges.`
        : "No escalation policy applies to this incident: nobody will be paged automatically.",
      data: { planned: escalation.pages, policyId: escalation.policy?.id ?? null },
    },
  ];
  if (input.note) events.push({ incidentId: incident.id, kind: "note", actor: who, message: input.note });
  return { incident, events };
}

async function systemTopTier(tx: Tx, systemId: string | null) {
  if (!systemId) return null;
  const row = await tx.service.aggregate({ where: { systemId }, _min: { tier: true } });
  return row._min.tier;
}

export function declareIncident(db: Db, jobs: JobSink, actor: Actor, input: Omit<OpenIncidentInput, "source">) {
  return db.$transaction(async (tx) => {
    const { incident, events } = await openIncidentInTx(tx, jobs, actor, { ...input, source: "manual" });
    await appendTimeline(tx, ...events);
    return incident;
  });
}

async function lockIncident(tx: Tx, incidentId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  return tx.incident.findUnique({ where: { id: incidentId }, select: auditSelect });
}

/** The incident locked for this transaction, refused as a CONFLICT when it moved past the version the person saw. */
export async function lockCurrentIncident(tx: Tx, input: { incidentId: string; version: number }) {
  return assertCurrentVersion(tx, await lockIncident(tx, input.incidentId), {
    entityType: "Incident",
    entityId: input.incidentId,
    version: input.version,
    label: "this incident",
  });
}

/** Matrix events that status changes announce. */
const STATUS_EVENTS: Partial<Record<IncidentStatus, IncidentEvent>> = {
  recovering: "dr_activated",
  verifying: "progress_update",
  resolved: "recovery_complete",
};

/** Moves the status, resolving only through the Resolve dialog's write (resolve.ts), which also calls this. */
export async function changeStatus(
  db: Db,
  jobs: JobSink,
  actor: Actor,
  input: { incidentId: string; version: number; status: IncidentStatus; note: string },
) {
  // Resolving asks for a summary, the last public update and a review owner: the Resolve dialog.
  if (input.status === "resolved")
    throw new AppError("VALIDATION", {
      userMessage: "Resolve through the Resolve dialog: it asks for a summary and the last public update.",
      field: "status",
    });
  return db.$transaction((tx) => changeStatusInTx(tx, jobs, actor, input));
}

export async function changeStatusInTx(
  tx: Tx,
  jobs: JobSink,
  actor: Actor,
  input: { incidentId: string; version: number; status: IncidentStatus; note: string },
) {
  const before = await lockCurrentIncident(tx, input);
  const problem = transitionProblem(before.status, input.status);
  if (problem) throw new AppError("VALIDATION", { userMessage: problem, field: "status" });
  const resolving = input.status === "resolved";
  const after = await tx.incident.update({
    where: { id: input.incidentId },
    data: {
      status: input.status,
      version: { increment: 1 },
      resolvedAt: resolving ? new Date() : null,
      ...(resolving ? { statusPageLevel: "operational" } : {}),
    },
    select: auditSelect,
  });
  if (resolving)
    await tx.escalationPage.updateMany({
      where: { incidentId: input.incidentId, state: "pending" },
      data: { state: "cancelled" },
    });
  const event = STATUS_EVENTS[input.status];
  if (event)
    await jobs.enqueue(tx, QUEUES.notify, { incidentId: input.incidentId, event, text: input.note || undefined });
  await recordAudit(tx, {
    actor,
    action: "incident.status",
    entityType: "Incident",
    entityId: input.incidentId,
    before,
    after,
  });
  const who = timelineActor(actor);
  const events: TimelineInput[] = [
    // Public: the status page shows where the incident stands; the commander's note stays internal.
    {
      incidentId: input.incidentId,
      kind: "status_changed",
      actor: who,
      message: `Status ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[input.status]}.`,
      public: true,
      data: { from: before.status, to: input.status },
    },
  ];
  if (resolving)
    events.push({
      incidentId: input.incidentId,
      kind: "escalation_stopped",
      actor: who,
      message: "Resolved: escalation stopped.",
    });
  if (input.note) events.push({ incidentId: input.incidentId, kind: "note", actor: who, message: input.note });
  await appendTimeline(tx, ...events);
  return after;
}

export async function addNote(
  db: Db,
  jobs: JobSink,
  actor: Actor,
  input: { incidentId: string; text: string; public: boolean },
) {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { id: true } });
    if (!incident) throw new AppError("NOT_FOUND", { userMessage: "This incident no longer exists." });
    // Public notes are status updates: the matrix's "progress update" rules announce them.
    if (input.public)
      await jobs.enqueue(tx, QUEUES.notify, {
        incidentId: input.incidentId,
        event: "progress_update",
        text: input.text,
      });
    const [entry] = await appendTimeline(tx, {
      incidentId: input.incidentId,
      kind: "note",
      actor: timelineActor(actor),
      message: input.text,
      public: input.public,
    });
    await recordAudit(tx, {
      actor,
      action: "incident.note",
      entityType: "Incident",
      entityId: input.incidentId,
      after: { timelineEventId: entry!.id, public: input.public, text: input.text },
    });
    return entry!;
  });
}

/** Stops the escalation. Acknowledging twice is not an error: the first one counts. */
export async function acknowledgeIncident(db: Db, actor: Actor, input: { incidentId: string }) {
  return db.$transaction((tx) => acknowledgeInTx(tx, actor, input.incidentId));
}

/**
 * The one acknowledge write: the incident page's button and `a` key, the alert sender's "acknowledge", and a
 * paged contact's page link or SMS reply (a contact actor: named on the timeline, no user id). A resolved
 * incident is refused: there is nothing left to acknowledge, and a late "I've got it" must not look like work.
 */
export async function acknowledgeInTx(tx: Tx, actor: Actor, incidentId: string) {
  const before = await lockIncident(tx, incidentId);
  if (!before) throw new AppError("NOT_FOUND", { userMessage: "This incident no longer exists." });
  if (before.status === "resolved")
    throw new AppError("CONFLICT", {
      userMessage: `${incidentRef(before.number)} is resolved: there is nothing to acknowledge.`,
    });
  if (before.acknowledgedAt) return { acknowledged: false, incident: before };
  const who = timelineActor(actor);
  const byContact = "contact" in actor ? actor : null;
  // Nobody leads yet: the person who says "I've got it" does, if their role may command (re-read: a JWT is stale).
  const lead =
    !before.commanderId && "id" in actor
      ? await tx.user.findFirst({
          where: { id: actor.id, active: true, role: { in: ["admin", "commander"] } },
          select: { id: true, email: true },
        })
      : null;
  const after = await tx.incident.update({
    where: { id: incidentId },
    data: {
      acknowledgedAt: new Date(),
      acknowledgedBy: who.name,
      ...(lead ? { commanderId: lead.id } : {}),
      version: { increment: 1 },
    },
    select: auditSelect,
  });
  const cancelled = await tx.escalationPage.updateMany({
    where: { incidentId, state: "pending" },
    data: { state: "cancelled" },
  });
  await recordAudit(tx, {
    actor,
    action: "incident.acknowledge",
    entityType: "Incident",
    entityId: incidentId,
    before,
    after,
  });
  await appendTimeline(tx, {
    incidentId,
    kind: "acknowledged",
    actor: who,
    message: `${byContact ? `${who.name} acknowledged (${byContact.via === "page link" ? "from the page link" : "by SMS reply"})` : `Acknowledged by ${who.name}`}. Escalation stopped${cancelled.count ? ` (${cancelled.count} page(s) not sent)` : ""}.`,
    data: { cancelled: cancelled.count, ...(byContact ? { contactId: byContact.contact.id, via: byContact.via } : {}) },
  });
  if (lead)
    await appendTimeline(tx, {
      incidentId,
      kind: "commander_changed",
      actor: who,
      message: `${lead.email} is now the incident commander (took the lead by acknowledging).`,
      data: { to: lead.id },
    });
  return { acknowledged: true, incident: after };
}

export async function updateIncident(db: Db, actor: Actor, input: UpdateIncidentInput) {
  return db.$transaction(async (tx) => {
    const before = await lockCurrentIncident(tx, input);
    const { services, commander } = await checkReferences(tx, {
      serviceIds: input.serviceIds ?? [],
      commanderId: input.commanderId,
    });
    const who = timelineActor(actor);
    const events: TimelineInput[] = [];
    const event = (kind: TimelineInput["kind"], message: string, isPublic = false) =>
      events.push({ incidentId: input.incidentId, kind, actor: who, message, public: isPublic });
    if (input.title !== undefined && input.title !== before.title) event("note", `Title changed to "${input.title}".`);
    if (input.severity && input.severity !== before.severity)
      event("severity_changed", `Severity ${before.severity} → ${input.severity}.`, true);
    if (input.commanderId !== undefined && input.commanderId !== before.commanderId)
      event(
        "commander_changed",
        commander ? `${commander.email} is now the incident commander.` : "The incident has no commander now.",
      );
    if (input.statusPageLevel && input.statusPageLevel !== before.statusPageLevel) {
      const [was, now] = [before.statusPageLevel, input.statusPageLevel];
      event(
        "status_page_changed",
        `Status page: ${PUBLISH_LABELS[was]} → ${PUBLISH_LABELS[now]}.`,
        was !== "operational" && now !== "operational",
      );
      // Published now: the first public line, as a declaration that publishes at once writes it.
      if (was === "operational") event("note", INVESTIGATING, true);
    }
    if (input.serviceIds) {
      const current = await tx.incidentService.findMany({
        where: { incidentId: input.incidentId },
        select: { serviceId: true },
      });
      const had = new Set(current.map((c) => c.serviceId));
      const added = services.filter((s) => !had.has(s.id));
      const removed = [...had].filter((id) => !input.serviceIds!.includes(id));
      if (removed.length)
        await tx.incidentService.deleteMany({ where: { incidentId: input.incidentId, serviceId: { in: removed } } });
      if (added.length)
        await tx.incidentService.createMany({
          data: added.map((s) => ({ incidentId: input.incidentId, serviceId: s.id })),
        });
      if (added.length || removed.length) {
        const removedNames = removed.length
          ? (await tx.service.findMany({ where: { id: { in: removed } }, select: { name: true } })).map((s) => s.name)
          : [];
        event(
          "services_changed",
          [
            added.length && `Added ${added.map((s) => s.name).join(", ")}`,
            removedNames.length && `Removed ${removedNames.join(", ")}`,
          ]
            .filter(Boolean)
            .join("; ") + ".",
        );
      }
    }
    if (events.length === 0) return before;
    const after = await tx.incident.update({
      where: { id: input.incidentId },
      data: {
        title: input.title,
        severity: input.severity,
        statusPageLevel: input.statusPageLevel,
        ...(input.commanderId !== undefined ? { commanderId: commander?.id ?? null } : {}),
        version: { increment: 1 },
      },
      select: auditSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "incident.update",
      entityType: "Incident",
      entityId: input.incidentId,
      before,
      after,
    });
    await appendTimeline(tx, ...events);
    return after;
  });
}

export async function savePostmortem(
  db: Db,
  actor: Actor,
  input: { incidentId: string; version: number; text: string },
) {
  return db.$transaction(async (tx) => {
    const before = await lockCurrentIncident(tx, input);
    if (before.status !== "resolved")
      throw new AppError("VALIDATION", {
        userMessage: "Postmortem notes come after the incident is resolved.",
        field: "text",
      });
    const after = await tx.incident.update({
      where: { id: input.incidentId },
      data: { postmortem: input.text, version: { increment: 1 } },
      select: { ...auditSelect, postmortem: true },
    });
    await recordAudit(tx, {
      actor,
      action: "incident.postmortem",
      entityType: "Incident",
      entityId: input.incidentId,
      before,
      after,
    });
    await appendTimeline(tx, {
      incidentId: input.incidentId,
      kind: "postmortem",
      actor: timelineActor(actor),
      message: "Postmortem notes updated.",
    });
    return after;
  });
}
