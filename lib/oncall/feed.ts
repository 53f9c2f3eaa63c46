// iCal feeds of final on-call shifts: one per schedule ("<person> on call") and one per contact ("On call:
// <schedule>"), found by their secret token. Times are written with TZID = the schedule's zone through luxon
// DateTimes: ical-generator formats a plain Date in the server's own zone, which would shift every shift.
import ical, { ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";
import type { Reader } from "@/lib/db/client";
import { findScheduleRotations, type ScheduleRotation } from "./queries";
import { finalShifts, type Shift } from "./rotation";

const WEEK_MS = 7 * 86_400_000;
/** The feed's window: last week (so a calendar keeps the shift just done) to eight weeks ahead. */
const FEED_PAST_MS = WEEK_MS;
const FEED_AHEAD_MS = 8 * WEEK_MS;

/** A feed token as issued (32 random bytes, base64url); anything else is no token of ours. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const isFeedTokenShape = (token: string) => TOKEN.test(token);

type FeedEvent = { schedule: ScheduleRotation; shift: Shift; summary: string; description: string };

function render(name: string, timeZone: string, events: FeedEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: "Lifeboat", product: "on-call" },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.timezone({ name: timeZone });
  for (const { schedule, shift, summary, description } of events) {
    const zone = schedule.timeZone;
    calendar.createEvent({
      id: `${schedule.id}-${shift.start.getTime()}-${shift.contactId}@lifeboat`,
      start: DateTime.fromJSDate(shift.start, { zone }),
      end: DateTime.fromJSDate(shift.end, { zone }),
      timezone: zone,
      summary,
      description,
    });
  }
  return calendar.toString();
}

async function contactNames(db: Reader, ids: string[]) {
  const rows = await db.contact.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const window = (now: Date) => ({
  from: new Date(now.getTime() - FEED_PAST_MS),
  to: new Date(now.getTime() + FEED_AHEAD_MS),
});

/** The iCal text of a schedule's feed, or null when no schedule has that token. */
export async function scheduleFeed(db: Reader, token: string, now = new Date()): Promise<string | null> {
  if (!isFeedTokenShape(token)) return null;
  const row = await db.onCallSchedule.findUnique({ where: { feedToken: token }, select: { id: true } });
  if (!row) return null;
  const { from, to } = window(now);
  const [schedule] = await findScheduleRotations(db, [row.id], from);
  if (!schedule) return null;
  const shifts = finalShifts(schedule.layers, schedule.overrides, from, to);
  const names = await contactNames(
    db,
    shifts.map((s) => s.contactId),
  );
  return render(
    `On call: ${schedule.name}`,
    schedule.timeZone,
    shifts.map((shift) => {
      const who = names.get(shift.contactId) ?? "Someone";
      return {
        schedule,
        shift,
        summary: `${who} on call`,
        description: `${schedule.name}${shift.source === "override" ? " (override)" : ""}`,
      };
    }),
  );
}

/** The iCal text of a contact's own shifts across every schedule, or null when no contact has that token. */
export async function contactFeed(db: Reader, token: string, now = new Date()): Promise<string | null> {
  if (!isFeedTokenShape(token)) return null;
  const contact = await db.contact.findUnique({ where: { feedToken: token }, select: { id: true, name: true } });
  if (!contact) return null;
  const { from, to } = window(now);
  // Only the schedules that can put this contact on call: a layer seat or an override.
  const ids = await db.onCallSchedule.findMany({
    where: {
      OR: [
        { layers: { some: { members: { some: { contactId: contact.id } } } } },
        { overrides: { some: { contactId: contact.id, endsAt: { gt: from } } } },
      ],
    },
    select: { id: true },
  });
  const schedules = ids.length
    ? await findScheduleRotations(
        db,
        ids.map((s) => s.id),
        from,
      )
    : [];
  const events = schedules.flatMap((schedule) =>
    finalShifts(schedule.layers, schedule.overrides, from, to)
      .filter((s) => s.contactId === contact.id)
      .map((shift) => ({
        schedule,
        shift,
        summary: `On call: ${schedule.name}`,
        description: `${contact.name}${shift.source === "override" ? " (override)" : ""}`,
      })),
  );
  events.sort((a, b) => a.shift.start.getTime() - b.shift.start.getTime());
  return render(`${contact.name}: on call`, schedules[0]?.timeZone ?? "UTC", events);
}
