// "Page now / add responders" from an open incident: a contact, whoever a schedule has on call right now, or
// the policy's next level, with a message. Pages go out as EscalationPage rows due now (level 0: outside the
// policy's levels) and an escalation job, so delivery, retries, the page link and the timeline are those of any
// policy page. No version check: paging someone changes nothing the person was looking at, and a commander
// must not be refused "someone changed this incident" while they call for help.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { JobSink } from "@/lib/jobs/boss";
import { findOnCallNow } from "@/lib/oncall/queries";
import { contactPages } from "@/lib/people/paging";
import { findPagingData } from "@/lib/people/queries";
import { timelineActor, type Actor } from "./actor";
import { escalateNowInTx } from "./escalate-now";
import { enqueueAt } from "./escalation-plan";
import { incidentRef } from "./model";
import { appendTimeline } from "./timeline";

/** The level number of pages sent by hand: policy levels start at 1, so the escalation never counts these. */
export const MANUAL_LEVEL = 0;

const id = z.string().trim().min(1, "Required").max(64);
export const pageNowSchema = z.object({
  incidentId: id,
  target: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("contact"), contactId: id }),
      z.object({ kind: z.literal("schedule"), scheduleId: id }),
      z.object({ kind: z.literal("next-level") }),
    ],
    { error: "Choose who to page: a contact, a schedule's on-call person or the next level" },
  ),
  message: z.string().trim().max(500, "At most 500 characters").default(""),
});
export type PageNowInput = z.input<typeof pageNowSchema>;

/** What the Page now form offers: every contact, and each schedule with who is on call now. */
export async function findPageNowChoices(db: Reader) {
  const [contacts, schedules] = await Promise.all([
    db.contact.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.onCallSchedule.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const onCall = schedules.length
    ? await findOnCallNow(
        db,
        new Date(),
        schedules.map((s) => s.id),
      )
    : new Map<string, string | null>();
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return {
    contacts,
    schedules: schedules.map((s) => ({ ...s, onCall: names.get(onCall.get(s.id) ?? "") ?? null })),
  };
}

const PERSON_TYPES = ["sms", "voice", "email"] as const;

export async function pageNow(db: Db, jobs: JobSink, actor: Actor, raw: PageNowInput) {
  const input = pageNowSchema.parse(raw);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<{ number: number; status: string; ack: boolean }[]>`
      SELECT number, status::text, "acknowledgedAt" IS NOT NULL AS ack FROM "Incident" WHERE id = ${input.incidentId} FOR UPDATE`;
    if (!incident) throw new AppError("NOT_FOUND", { userMessage: "This incident no longer exists." });
    const ref = incidentRef(incident.number);
    if (incident.status === "resolved")
      throw new AppError("CONFLICT", { userMessage: `${ref} is resolved: nobody is paged for it any more.` });
    const who = timelineActor(actor);
    const said = input.message ? `: “${input.message}”` : "";

    if (input.target.kind === "next-level") {
      if (incident.ack)
        throw new AppError("CONFLICT", {
          userMessage: `${ref} is acknowledged, so its escalation has stopped: page a contact or a schedule instead.`,
          field: "target",
        });
      const { level } = await escalateNowInTx(tx, jobs, input.incidentId, actor, now);
      if (input.message)
        await tx.escalationPage.updateMany({
          where: { incidentId: input.incidentId, level, state: "pending", message: "" },
          data: { message: `${who.name}${said}` },
        });
      return { paged: `level ${level}` };
    }

    let contactId: string;
    let onCallOf = "";
    if (input.target.kind === "schedule") {
      const schedule = await tx.onCallSchedule.findUnique({
        where: { id: input.target.scheduleId },
        select: { name: true },
      });
      if (!schedule)
        throw new AppError("NOT_FOUND", { userMessage: "That schedule no longer exists.", field: "target" });
      const onCall = (await findOnCallNow(tx, now, [input.target.scheduleId])).get(input.target.scheduleId);
      if (!onCall)
        throw new AppError("CONFLICT", { userMessage: `Nobody is on call on ${schedule.name} now.`, field: "target" });
      contactId = onCall;
      onCallOf = ` (on call for ${schedule.name})`;
    } else contactId = input.target.contactId;

    const paging = await findPagingData(tx);
    const contact = paging.contacts.find((c) => c.id === contactId);
    if (!contact) throw new AppError("NOT_FOUND", { userMessage: "That contact no longer exists.", field: "target" });
    const channels = new Map(paging.channels.map((c) => [c.id, c]));
    // Without rules of their own: the first ready channel of a type they prefer (else any person channel).
    const preferred = await tx.contact.findUniqueOrThrow({
      where: { id: contactId },
      select: { preferredChannels: true },
    });
    const types = preferred.preferredChannels.length ? preferred.preferredChannels : PERSON_TYPES;
    const fallback = types
      .flatMap((type) => paging.channels.filter((c) => c.type === type).sort((a, b) => a.name.localeCompare(b.name)))
      .map((c) => c.id);
    const base = { at: 0, cycle: 0, level: MANUAL_LEVEL };
    let pages = contactPages(base, contact, fallback, channels, paging.readiness).filter((p) => p.reachable);
    if (!contact.rules?.length) pages = pages.slice(0, 1);
    // Already acknowledged: an extra responder gets the first step only (their later steps would have nobody to stop them).
    if (incident.ack) pages = pages.filter((p) => p.at === pages[0]!.at).slice(0, 1);
    if (pages.length === 0)
      throw new AppError("VALIDATION", {
        userMessage: `No channel can reach ${contact.name}: give them a phone or email and a notification rule.`,
        field: "target",
      });
    const dueTimes = pages.map((p) => new Date(now.getTime() + p.at * 60_000));
    await tx.escalationPage.createMany({
      data: pages.map((p, i) => ({
        incidentId: input.incidentId,
        dueAt: dueTimes[i]!,
        cycle: 0,
        level: MANUAL_LEVEL,
        channelId: p.channel!.id,
        contactId,
        message: `${who.name}${said}`,
      })),
    });
    await enqueueAt(tx, jobs, input.incidentId, dueTimes);
    await recordAudit(tx, {
      actor,
      action: "incident.page",
      entityType: "Incident",
      entityId: input.incidentId,
      after: {
        target: input.target,
        contact: { id: contact.id, name: contact.name },
        pages: pages.map((p) => ({ channel: p.channel!.name, afterMinutes: p.at })),
        message: input.message,
      },
    });
    await appendTimeline(tx, {
      incidentId: input.incidentId,
      kind: "escalation_fired",
      actor: who,
      message: `${who.name} paged ${contact.name}${onCallOf}${said}`,
      data: { manual: true, contactId, pages: pages.length, target: input.target.kind },
    });
    return { paged: contact.name };
  });
}
