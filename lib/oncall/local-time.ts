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

/**
 * The k-th handoff after `start`: days and weeks are calendar steps (the handoff keeps its wall-clock time
 * across DST), hours are elapsed hours. Counting from the first handoff each time keeps a handoff that
 * once fell into a DST gap from dragging every later one along.
 */
export function handoffAt(start: DateTime, k: number, length: number, unit: ShiftUnit): number {
  if (unit === "hours") return start.toMillis() + k * length * 3_600_000;
  return start.plus({ [unit]: k * length }).toMillis();
}

const APPROX_UNIT_MS: Record<ShiftUnit, number> = { hours: 3_600_000, days: 86_400_000, weeks: 7 * 86_400_000 };

/** The index of the shift that holds `instant` (negative before the first handoff). */
export function shiftIndexAt(start: DateTime, instant: number, length: number, unit: ShiftUnit): number {
  let k = Math.floor((instant - start.toMillis()) / (length * APPROX_UNIT_MS[unit]));
  // The estimate is off by at most one shift (a DST change moves a boundary by an hour).
  while (handoffAt(start, k, length, unit) > instant) k -= 1;
  while (handoffAt(start, k + 1, length, unit) <= instant) k += 1;
  return k;
}

/** Local midnight of the day that holds an instant. */
export function localDay(instant: number, zone: string): DateTime {
  return DateTime.fromMillis(instant, { zone }).startOf("day");
}

/** An instant as people read it in a zone: "Mon 7 Dec 09:00" (with the zone's abbreviation when `withZone`). */
export function formatLocal(instant: Date, zone: string, withZone = false): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat(withZone ? "ccc d LLL HH:mm ZZZZ" : "ccc d LLL HH:mm");
}
