// Durations as plans write them ("15 minutes", "1-4 hours", "< 5 min", "30+ min") → whole minutes.
// A range keeps both ends: the upper end is the target a recovery is measured against, the lower end is kept for
// reference. Words that are no duration ("Immediate", "Real-time", "Variable", "-") give null: the caller notes them.
import { MAX_OBJECTIVE_MINUTES } from "@/lib/inventory/schemas";

export type Duration =
  | { kind: "exact"; min: number; max: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "at_most"; max: number }
  | { kind: "at_least"; min: number };

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:m|mins?|minutes?)$/, 1],
  [/^(?:h|hrs?|hours?)$/, 60],
  [/^(?:d|days?)$/, 1440],
  [/^(?:w|wks?|weeks?)$/, 10_080],
];
const N = String.raw`\d+(?:\.\d+)?`;
const U = String.raw`(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|[mhdw])`;
const EXACT = new RegExp(
  String.raw`^([<>])?\s*(${N})\s*(\+)?\s*(${U})?\s*(?:-\s*(${N})\s*(${U}))?\s*(\+|or more|or less)?$`,
);
// The same phrase inside a sentence or a heading ("Tier 1 - Critical (RTO: 15 min)").
const INSIDE = new RegExp(
  String.raw`(?:(?:<=?|>=?|≤|≥|~|\bunder|\bwithin|\bup to|\bless than|\bmore than|\bat least|\bover)\s*)?\b${N}\s*\+?\s*(?:${U}\b)?\s*(?:(?:-|–|—|\bto\b)\s*${N}\s*)?${U}\b\+?`,
  "i",
);

function unitMinutes(unit: string): number | null {
  for (const [pattern, minutes] of UNIT_MINUTES) if (pattern.test(unit)) return minutes;
  return null;
}

/** Longer text is no duration; and the patterns below must never see unbounded input (backtracking). */
const MAX_DURATION_TEXT = 120;
const MAX_SEARCHED_TEXT = 1000;
// Runs of spaces collapsed first: adjacent optional \s* in the patterns backtrack on long runs of them.
const squash = (text: string) => text.replace(/\s+/g, " ");

function normalize(text: string): string {
  return squash(text)
    .toLowerCase()
    .replace(/\*\*|__|`/g, "")
    .replace(/\([^)]*\)\s*$/, "")
    .replace(/[–—−]/g, "-")
    .replace(/^(?:approx(?:imately|\.)?|about|around|roughly|~)\s*/, "")
    .replace(/^(?:<=|≤|under|within|up to|less than|at most|no more than|maximum|max\.?)\s*/, "<")
    .replace(/^(?:>=|≥|over|more than|at least|minimum)\s*/, ">")
    .replace(/\s+to\s+(?=\d)/g, " - ")
    .replace(/[.;,]+$/, "")
    .trim();
}

function whole(value: number): number | null {
  return Number.isInteger(value) && value >= 0 && value <= MAX_OBJECTIVE_MINUTES ? value : null;
}

export function parseDuration(text: string): Duration | null {
  if (text.length > MAX_DURATION_TEXT * 4) return null;
  const normalized = normalize(text);
  if (normalized.length > MAX_DURATION_TEXT) return null;
  const m = EXACT.exec(normalized);
  if (!m) return null;
  const [, bound, first, plus, firstUnit, second, secondUnit, suffix] = m;
  if (!second) {
    const unit = firstUnit && unitMinutes(firstUnit);
    const value = unit ? whole(Number(first) * unit) : null;
    if (value === null) return null;
    if (bound === ">" || plus || suffix === "+" || suffix === "or more") return { kind: "at_least", min: value };
    if (bound === "<" || suffix === "or less") return { kind: "at_most", max: value };
    return { kind: "exact", min: value, max: value };
  }
  if (bound || plus || suffix) return null;
  const upperUnit = unitMinutes(secondUnit!);
  const lowerUnit = firstUnit ? unitMinutes(firstUnit) : upperUnit;
  const min = lowerUnit ? whole(Number(first) * lowerUnit) : null;
  const max = upperUnit ? whole(Number(second) * upperUnit) : null;
  if (min === null || max === null || min > max) return null;
  return min === max ? { kind: "exact", min, max } : { kind: "range", min, max };
}

/** The first duration phrase in a longer text, with the words it was read from. */
export function findDuration(text: string): { duration: Duration; text: string } | null {
  const m = INSIDE.exec(squash(text.slice(0, MAX_SEARCHED_TEXT)));
  const duration = m ? parseDuration(m[0]) : null;
  return m && duration ? { duration, text: m[0].trim() } : null;
}

/** What a duration gives an objective: the target (upper end) and, for a range or an open end, the lower end. */
export function objective(d: Duration): { target?: number; lower?: number } {
  switch (d.kind) {
    case "exact":
      return { target: d.max };
    case "range":
      return { target: d.max, lower: d.min };
    case "at_most":
      return { target: d.max };
    case "at_least":
      return { lower: d.min };
  }
}

/** A note for a duration that took interpretation; none for a plain figure. */
export function durationNote(text: string, d: Duration): string | null {
  switch (d.kind) {
    case "exact":
      return null;
    case "range":
      return `"${text}" is a range: ${d.min}–${d.max} min, target ${d.max}`;
    case "at_most":
      return `"${text}" is an upper bound: target ${d.max} min`;
    case "at_least":
      return `"${text}" has no upper end: ${d.min} min kept as the lower end, no target`;
  }
}

const RETENTION = /(\d+)\s*(hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\b/i;

/**
 * How long backups are kept, in days: "Last 24 hours retained" → 1, "30 days" → 30, "12 weeks" → 84,
 * "12 months" → 365. Hours round up to whole days (keeping less than a day still means keeping that day's backups).
 */
export function parseRetentionDays(text: string): { days: number; phrase: string; converted: boolean } | null {
  const m = RETENTION.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  let days: number;
  if (unit.startsWith("h")) days = Math.ceil(n / 24);
  else if (unit.startsWith("d")) days = n;
  else if (unit.startsWith("w")) days = n * 7;
  else if (unit.startsWith("m")) days = Math.round((n * 365) / 12);
  else days = n * 365;
  return days > 36_500 ? null : { days, phrase: m[0], converted: !unit.startsWith("d") };
}
