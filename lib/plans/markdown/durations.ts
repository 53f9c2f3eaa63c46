// Durations as plans write them ("15 minutes", "1-4 hours", "< 5 min", "30+ min") → whole minutes.
// A range keeps both ends: the upper end is the target a recovery is measured against, the lower end is kept for
// reference. Words that are no duration ("Immediate", "Real-time", "Variable", "-") give null: the caller notes them.
import { MAX_OBJECTIVE_MINUTES } from "@/lib/inventory/schemas";
import { ABOUT, AT_MOST, AT_MOST_AFTER, UNITS } from "./objective-words";

export type Duration =
  | { kind: "exact"; min: number; max: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "at_most"; max: number }
  | { kind: "at_least"; min: number };

const esc = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const longestFirst = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).map(esc);
const UNIT_MINUTES = new Map<string, number>(UNITS.flatMap(([words, minutes]) => words.map((w) => [w, minutes])));
const N = String.raw`\d+(?:\.\d+)?`;
const U = `(?:${longestFirst(UNITS.flatMap(([words]) => words)).join("|")})`;
// A unit ends where the word ends: "2 hours", "10분", "60 dakikalık", not "2 horses".
const END = String.raw`(?![a-z\u00C0-\u024F])`;
const EXACT = new RegExp(
  String.raw`^([<>])?\s*(${N})\s*(\+)?\s*(${U})?\s*(?:-\s*(${N})\s*(${U}))?\s*(\+|or more|or less)?$`,
);
const BEFORE = longestFirst([...AT_MOST, ...ABOUT, ">=", "≥", "more than", "at least", "over"]).join("|");
// The same phrase inside a sentence or a heading ("Tier 1 - Critical (RTO: 15 min)").
const INSIDE = new RegExp(
  String.raw`(?:(?:${BEFORE})\s*)?(?<![\w.])${N}\s*\+?\s*(?:${U}${END})?\s*(?:(?:-|–|—|~|\bto\b|\ba\b|à|\bbis\b)\s*${N}\s*)?${U}${END}\+?(?:\s*(?:${longestFirst(AT_MOST_AFTER).join("|")}))?`,
  "i",
);

function unitMinutes(unit: string): number | null {
  return UNIT_MINUTES.get(unit) ?? null;
}

/** Longer text is no duration; and the patterns below must never see unbounded input (backtracking). */
const MAX_DURATION_TEXT = 120;
const MAX_SEARCHED_TEXT = 1000;
// Runs of spaces collapsed first: adjacent optional \s* in the patterns backtrack on long runs of them.
const squash = (text: string) => text.replace(/\s+/g, " ");

const ABOUT_PREFIX = new RegExp(`^(?:${longestFirst(ABOUT).join("|")})\\s*`);
const AT_MOST_PREFIX = new RegExp(`^(?:${longestFirst(AT_MOST).join("|")})\\s*`);
const AT_MOST_SUFFIX = new RegExp(`\\s*(?:${longestFirst(AT_MOST_AFTER).join("|")})$`);

function normalize(text: string): string {
  let t = squash(text)
    .toLowerCase()
    .replace(/\*\*|__|`|\\/g, "")
    .replace(/\([^)]*\)\s*$/, "")
    .replace(/（[^）]*）\s*$/, "")
    .replace(/[–—−]/g, "-")
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/[.;,。、]+$/, "")
    .trim()
    .replace(ABOUT_PREFIX, "");
  if (AT_MOST_SUFFIX.test(t)) t = `<${t.replace(AT_MOST_SUFFIX, "")}`;
  return t
    .replace(AT_MOST_PREFIX, "<")
    .replace(/^(?:>=|≥|over|more than|at least|minimum)\s*/, ">")
    .replace(/\s+(?:to|a|à|bis)\s+(?=\d)/g, " - ")
    .replace(/(\d)\s*~\s*(?=\d)/g, "$1 - ")
    .replace(/[.;,]+$/, "")
    .trim();
}

function whole(value: number): number | null {
  // Seconds are sixtieths: 120 × (1/60) is 1.9999999999999998 in floating point.
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-9 && rounded >= 0 && rounded <= MAX_OBJECTIVE_MINUTES ? rounded : null;
}

export function parseDuration(text: string): Duration | null {
  if (text.length > MAX_DURATION_TEXT * 4) return null;
  const normalized = normalize(text);
  if (normalized.length > MAX_DURATION_TEXT) return null;
  // "0" needs no unit: no time, no data lost ("RPO: 0 (stateless)").
  if (/^0+$/.test(normalized)) return { kind: "exact", min: 0, max: 0 };
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
  // "a 20-minute RTO": the hyphen of a compound adjective joins the figure to its unit.
  const m = INSIDE.exec(squash(text.slice(0, MAX_SEARCHED_TEXT)).replace(/(\d)-(?=\p{L})/gu, "$1 "));
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
