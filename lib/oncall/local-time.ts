// Local wall-clock times in IANA zones, through luxon (which reads the zone rules from the platform's Intl).
// Every handoff and restriction is a local date and time in a zone; this file is the only place that turns
// one into an instant, so daylight-saving rules live in one spot.
import { DateTime, IANAZone } from "luxon";

export type ShiftUnit = "hours" | "days" | "weeks";

export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isLocalDate = (value: string) => DATE.test(value) && DateTime.fromISO(value).isValid;
export const isLocalTime = (value: string) => TIME.test(value);

/** Minutes after local midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [, h, m] = TIME.exec(time) ?? [];
  return Number(h) * 60 + Number(m);
}

/**
 * The instant a local date and time names in a zone. A time the clocks skip (02:30 on a spring-forward
 * day) is moved forward by the gap, as calendars do; `exists` says whether that happened.
 */
export function localInstant(date: string, time: string, zone: string): { at: DateTime; exists: boolean } {
  const at = DateTime.fromISO(`${date}T${time}`, { zone });
  return { at, exists: at.isValid && at.toFormat("yyyy-MM-dd'T'HH:mm") === `${date}T${time}` };
}

// The fast path. A luxon zoned operation costs tens of µs (Intl formatToParts under the hood), and "who is on
// call now" for 1,500 layers needs a few per layer. Days are numbered (days since 1970-01-01, the calendar
// arithmetic of Date.UTC, no zone involved) and the zone's UTC offset is asked of luxon once per (zone, day):
// on a day whose offset is the same from before its first to after its last instant, a local time is that
// wall clock minus the offset, exactly; on a day the offset changes, luxon resolves the local time itself.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Wide enough to hold every local day of every zone (offsets run from −12:00 to +14:00).
const DAY_MARGIN_MS = 15 * 3_600_000;
const MAX_CACHED = 50_000;

const zones = new Map<string, IANAZone>();
function zoneOf(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (zones.size > 1_000) zones.clear();
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** The day number of a "YYYY-MM-DD" (NaN when it is not a date). */
function dayNumber(date: string): number {
  const [, y, m, d] = DATE.exec(date) ?? [];
  return y ? Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS : NaN;
}

/** ISO weekday (1 = Monday) of a day number: day 0, 1970-01-01, was a Thursday. */
export const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

const steady = new Map<string, number | null>();
/** The zone's offset in minutes all through a local day, or null when it changes around that day. */
function steadyOffset(zone: string, day: number): number | null {
  const key = `${zone}|${day}`;
  let offset = steady.get(key);
  if (offset === undefined) {
    const z = zoneOf(zone);
    const before = z.offset(day * DAY_MS - DAY_MARGIN_MS);
    // Transitions are months apart in every zone's rules, so equal offsets at both ends mean none between.
    offset = before === z.offset((day + 1) * DAY_MS + DAY_MARGIN_MS) ? before : null;
    if (steady.size >= MAX_CACHED) steady.clear();
    steady.set(key, offset);
  }
  return offset;
}

/** The instant of a local day number and minutes after midnight in a zone (a skipped time moves forward). */
export function zonedMillis(day: number, minutes: number, zone: string): number {
  const offset = steadyOffset(zone, day);
  if (offset !== null) return day * DAY_MS + (minutes - offset) * MINUTE_MS;
  const date = new Date(day * DAY_MS);
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone },
  ).toMillis();
}

const dayOf = new Map<string, number>();
/** The local day number that holds an instant (kept: the layers of one call ask about the same few instants). */
export function localDayOf(instant: number, zone: string): number {
  const key = `${zone}|${instant}`;
  let day = dayOf.get(key);
  if (day === undefined) {
    day = Math.floor((instant + zoneOf(zone).offset(instant) * MINUTE_MS) / DAY_MS);
    if (dayOf.size >= MAX_CACHED) dayOf.clear();
    dayOf.set(key, day);
  }
  return day;
}

/** A layer's first handoff: its local day and time, and the instant they name. */
export type Anchor = { day: number; minutes: number; zone: string; at: number };

/** The first handoff of a rotation (null when the date or zone is not valid). */
export function anchorOf(date: string, time: string, zone: string): Anchor | null {
  const day = dayNumber(date);
  if (!Number.isFinite(day) || !isLocalTime(time) || !zoneOf(zone).isValid) return null;
  const minutes = minutesOf(time);
  return { day, minutes, zone, at: zonedMillis(day, minutes, zone) };
}

const UNIT_DAYS = { days: 1, weeks: 7 } as const;

/**
 * The k-th handoff after the anchor: days and weeks are calendar steps (the handoff keeps its wall-clock time
 * across DST), hours are elapsed hours. Counting from the first handoff each time keeps a handoff that
 * once fell into a DST gap from dragging every later one along.
 */
export function handoffAt(start: Anchor, k: number, length: number, unit: ShiftUnit): number {
  if (k === 0) return start.at;
  if (unit === "hours") return start.at + k * length * 3_600_000;
  return zonedMillis(start.day + k * length * UNIT_DAYS[unit], start.minutes, start.zone);
}

const APPROX_UNIT_MS: Record<ShiftUnit, number> = { hours: 3_600_000, days: DAY_MS, weeks: 7 * DAY_MS };

/** The index of the shift that holds `instant` (negative before the first handoff). */
export function shiftIndexAt(start: Anchor, instant: number, length: number, unit: ShiftUnit): number {
  let k = Math.floor((instant - start.at) / (length * APPROX_UNIT_MS[unit]));
  // The estimate is off by at most one shift (a DST change moves a boundary by an hour).
  while (handoffAt(start, k, length, unit) > instant) k -= 1;
  while (handoffAt(start, k + 1, length, unit) <= instant) k += 1;
  return k;
}

/** An instant as people read it in a zone: "Mon 7 Dec 09:00" (with the zone's abbreviation when `withZone`). */
export function formatLocal(instant: Date, zone: string, withZone = false): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat(withZone ? "ccc d LLL HH:mm ZZZZ" : "ccc d LLL HH:mm");
}
