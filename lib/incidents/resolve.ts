// The commander's deliberate writes on an incident: resolving (summary, last public update, review owner and
// date) and handing over command. Each is one transaction with its audit event and timeline lines.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { JobSink } from "@/lib/jobs/boss";
import type { Role } from "@/lib/auth/roles";
import { timelineActor, type Actor } from "./actor";
import { auditSelect, changeStatusInTx, lockCurrentIncident } from "./incidents";
import type { ResolveIncidentInput } from "./schemas";
import { appendTimeline } from "./timeline";

const commanderWhere = (id: string) => ({ id, active: true, role: { in: ["admin", "commander"] as Role[] } });

/** The review is owed for the severe ones: SEV1 and SEV2 name an owner and a date. */
/** The review date offered by default: five days on (a working week). */
export const defaultReviewDue = (now = new Date()) =>
  new Date(now.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);

export const needsReview = (severity: string) => severity === "SEV1" || severity === "SEV2";

export async function resolveIncident(db: Db, jobs: JobSink, actor: Actor, input: ResolveIncidentInput) {
  return db.$transaction(async (tx) => {
    const before = await lockCurrentIncident(tx, input);
    if (before.status === "resolved")
      throw new AppError("VALIDATION", { userMessage: "The incident is already resolved.", field: "summary" });
    if (needsReview(before.severity) && !input.reviewOwnerId)
      throw new AppError("VALIDATION", {
        userMessage: `A ${before.severity} incident needs a review owner.`,
        field: "reviewOwnerId",
      });
    if (needsReview(before.severity) && !input.reviewDueOn)
      throw new AppError("VALIDATION", {
        userMessage: `A ${before.severity} incident needs a review date.`,
        field: "reviewDueOn",
      });
    const owner = input.reviewOwnerId
      ? await tx.user.findFirst({ where: commanderWhere(input.reviewOwnerId), select: { id: true, email: true } })
      : null;
    if (input.reviewOwnerId && !owner)
      throw new AppError("VALIDATION", {
        userMessage: "The review owner must be an active admin or commander.",
        field: "reviewOwnerId",
      });
    const published = before.statusPageLevel !== "operational";
    const who = timelineActor(actor);
    // The last public update goes out before the status line that takes the incident off the page.
    await appendTimeline(tx, {
      incidentId: input.incidentId,
      kind: "resolved",
      actor: who,
      message: published ? input.publicUpdate : `Resolved. Summary: ${input.summary}`,
      public: published,
      data: { published },
    });
    const after = await changeStatusInTx(tx, jobs, actor, {
      incidentId: input.incidentId,
      version: input.version,
      status: "resolved",
      note: published ? `Summary: ${input.summary}` : "",
    });
    const resolved = await tx.incident.update({
      where: { id: input.incidentId },
      data: {
        resolutionSummary: input.summary,
        reviewOwnerId: owner?.id ?? null,
        reviewDueAt: input.reviewDueOn ? new Date(`${input.reviewDueOn}T00:00:00Z`) : null,
      },
      select: { ...auditSelect, resolutionSummary: true, reviewOwnerId: true, reviewDueAt: true },
    });
    await recordAudit(tx, {
      actor,
      action: "incident.resolve",
      entityType: "Incident",
      entityId: input.incidentId,
      before,
      after: { ...resolved, publicUpdate: published ? input.publicUpdate : null },
    });
    if (owner)
      await appendTimeline(tx, {
        incidentId: input.incidentId,
        kind: "note",
        actor: who,
        message: `Review owner: ${owner.email}${input.reviewDueOn ? `, due ${input.reviewDueOn}` : ""}.`,
      });
    return { ...after, version: resolved.version };
  });
}

/** Passes command to another active admin or commander. Only the current commander, or an admin, hands over. */
export async function handOverIncident(
  db: Db,
  actor: { id: string; email: string; role: Role },
  input: { incidentId: string; version: number; toUserId: string },
) {
  return db.$transaction(async (tx) => {
    const before = await lockCurrentIncident(tx, input);
    if (actor.role !== "admin" && before.commanderId !== actor.id)
      throw new AppError("FORBIDDEN", { userMessage: "Only the incident's commander or an admin hands over command." });
    const to = await tx.user.findFirst({ where: commanderWhere(input.toUserId), select: { id: true, email: true } });
    if (!to)
      throw new AppError("VALIDATION", {
        userMessage: "Hand over to an active admin or commander.",
        field: "toUserId",
      });
    if (to.id === before.commanderId)
      throw new AppError("VALIDATION", { userMessage: `${to.email} already leads this incident.`, field: "toUserId" });
    const after = await tx.incident.update({
      where: { id: input.incidentId },
      data: { commanderId: to.id, version: { increment: 1 } },
      select: auditSelect,
    });
    const audited = { id: actor.id, email: actor.email };
    await recordAudit(tx, {
      actor: audited,
      action: "incident.handover",
      entityType: "Incident",
      entityId: input.incidentId,
      before,
      after,
    });
    await appendTimeline(tx, {
      incidentId: input.incidentId,
      kind: "commander_changed",
      actor: timelineActor(audited),
      message: `${actor.email} handed command to ${to.email}.`,
      data: { from: before.commanderId, to: to.id },
    });
    return after;
  });
}
