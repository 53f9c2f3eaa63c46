// Handoff notices: at each handoff of a schedule the outgoing and the incoming person get one message on their
// first channel, naming the open incidents. The worker calls sendHandoffNotices every minute; each schedule's
// handoffs are claimed under its row lock, advancing handoffsNotifiedUntil in the same transaction, so two
// workers never send one notice twice (a crash after the claim loses that notice rather than repeating it).
import { DateTime } from "luxon";
import type { Db, Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { findScheduleRotations } from "@/lib/oncall/queries";
import { finalShifts } from "@/lib/oncall/rotation";
import { handoffsBetween, type Handoff } from "@/lib/oncall/handoffs";
import { deliver, type DeliveryConfig } from "@/lib/people/delivery";
import { addressFor, channelReadiness } from "@/lib/people/model";
import { env } from "@/lib/env";
import { incidentRef } from "./model";

/** On a first run, or after a long stop, only handoffs this recent are told (an old notice helps nobody). */
const LOOK_BACK_MS = 5 * 60_000;
const MAX_LOOK_BACK_MS = 60 * 60_000;
const HORIZON_MS = 14 * 86_400_000;

type Claimed = { scheduleId: string; name: string; timeZone: string; handoffs: Handoff[] };

async function claimHandoffs(db: Db, scheduleId: string, now: Date): Promise<Claimed | null> {
  return db.$transaction(async (tx: Tx) => {
    const [row] = await tx.$queryRaw<{ name: string; timeZone: string; until: Date | null }[]>`
      SELECT name, "timeZone", "handoffsNotifiedUntil" AS until FROM "OnCallSchedule" WHERE id = ${scheduleId} FOR UPDATE`;
    if (!row) return null;
    const since = new Date(
      Math.max(row.until?.getTime() ?? now.getTime() - LOOK_BACK_MS, now.getTime() - MAX_LOOK_BACK_MS),
    );
    if (since.getTime() >= now.getTime()) return null;
    const [rotation] = await findScheduleRotations(tx, [scheduleId], since);
    const shifts = rotation
      ? finalShifts(
          rotation.layers,
          rotation.overrides,
          new Date(since.getTime() - 60_000),
          new Date(now.getTime() + HORIZON_MS),
        )
      : [];
    await tx.$executeRaw`UPDATE "OnCallSchedule" SET "handoffsNotifiedUntil" = ${now} WHERE id = ${scheduleId}`;
    return { scheduleId, name: row.name, timeZone: row.timeZone, handoffs: handoffsBetween(shifts, since, now) };
  });
}

/** The contact's first channel: their first rule's, else the first enabled email or SMS channel that reaches them. */
async function firstChannel(db: Db, contactId: string) {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      notificationRules: { orderBy: { position: "asc" }, take: 1, select: { channel: true } },
    },
  });
  if (!contact) return null;
  const { notificationRules, ...person } = contact;
  const ruled = notificationRules[0]?.channel;
  if (ruled) return { contact: person, channel: ruled };
  const ready = channelReadiness(Boolean(env().SMTP_URL));
  const channels = await db.notificationChannel.findMany({
    where: { type: { in: ["email", "sms"] }, enabled: true },
    orderBy: { name: "asc" },
  });
  const channel = channels.find((c) => addressFor(c.type, person) && ready(c).ready) ?? null;
  return channel ? { contact: person, channel } : { contact: person, channel: null };
}

const when = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL HH:mm");

function noticeText(
  claimed: Claimed,
  handoff: Handoff,
  role: "incoming" | "outgoing",
  names: Map<string, string>,
  open: string,
) {
  const zone = claimed.timeZone;
  const other = (id: string | null) => (id ? (names.get(id) ?? "someone") : "nobody");
  const text =
    role === "incoming"
      ? `You are on call for ${claimed.name} from ${when(handoff.at, zone)} ${zone}` +
        `${handoff.until ? ` until ${when(handoff.until, zone)}` : ""}, taking over from ${other(handoff.outgoing)}`
      : `Your on-call shift for ${claimed.name} ended at ${when(handoff.at, zone)} ${zone}; ${other(handoff.incoming)} takes over`;
  return `${text}; open: ${open}`;
}

/** Tells the outgoing and incoming person of every handoff since the last run; returns how many were sent. */
export async function sendHandoffNotices(db: Db, now: Date = new Date(), config?: DeliveryConfig) {
  const schedules = await db.onCallSchedule.findMany({ select: { id: true } });
  let sent = 0;
  let failed = 0;
  for (const { id } of schedules) {
    const claimed = await claimHandoffs(db, id, now);
    if (!claimed?.handoffs.length) continue;
    const open = await db.incident.findMany({
      where: { status: { not: "resolved" } },
      orderBy: { number: "asc" },
      take: 6,
      select: { number: true, title: true },
    });
    const openText = open.length
      ? open
          .slice(0, 5)
          .map((i) => `${incidentRef(i.number)} ${i.title}`)
          .join(", ") + (open.length > 5 ? " and more" : "")
      : "no open incidents";
    const ids = [...new Set(claimed.handoffs.flatMap((h) => [h.incoming, h.outgoing]).filter((x): x is string => !!x))];
    const names = new Map(
      (await db.contact.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [
        c.id,
        c.name,
      ]),
    );
    for (const handoff of claimed.handoffs) {
      for (const role of ["outgoing", "incoming"] as const) {
        const contactId = handoff[role];
        if (!contactId) continue;
        const target = await firstChannel(db, contactId);
        if (!target?.channel) {
          logger.warn({ scheduleId: id, contactId }, "handoff notice: no channel reaches the contact");
          failed += 1;
          continue;
        }
        const subject = `On-call handoff: ${claimed.name}`;
        const text = noticeText(claimed, handoff, role, names, openText);
        const delivery = await deliver(db, { ...target, kind: "handoff", message: { subject, text } }, config);
        if (delivery.status === "sent") sent += 1;
        else failed += 1;
      }
    }
  }
  return { sent, failed };
}
