// The words plans use for on-call rotations (lib/plans/markdown/rotations.ts reads with them): shift lengths,
// weekdays, times of day and zone abbreviations. Data, so a new wording is a new entry, not a new branch.

/** A line or section about on-call at all (the other patterns are only tried there). */
export const ROTATION_CONTEXT = /on[\s-]?call|rotat|\brota\b|\bhand-?offs?\b|\bshifts?\b|pager/i;

export type Unit = "hours" | "days" | "weeks";

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, six: 6, eight: 8, twelve: 12 };
export const numberOf = (word: string): number => NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
const NUMBER = String.raw`(\d{1,3}|one|two|three|four|six|eight|twelve)`;
const UNIT = String.raw`(hours?|hrs?|days?|weeks?)`;

export const unitOf = (word: string): Unit => (/^h/i.test(word) ? "hours" : /^d/i.test(word) ? "days" : "weeks");

/**
 * Shift lengths, tried in order on one line: [pattern, length, unit] or a pattern whose groups are the number
 * and the unit. "bi-weekly" is missing on purpose: it means every two weeks to some and twice a week to others.
 */
export const SHIFT_LENGTHS: { pattern: RegExp; length?: number; unit?: Unit; lineContext?: boolean }[] = [
  // "every 2 weeks", "rotates every 12 hours" (only on a line that says it is about on-call: "review every 2 weeks")
  { pattern: new RegExp(String.raw`\bevery\s+${NUMBER}\s+${UNIT}\b`, "i"), lineContext: true },
  // "1-week rotations", "12-hour shifts", "one week each", "3 days on call"
  {
    pattern: new RegExp(
      String.raw`\b${NUMBER}[\s-]${UNIT}\s+(?:rotations?|shifts?|on[\s-]?call|each|at a time|blocks?|turns?)\b`,
      "i",
    ),
  },
  // "shifts of 12 hours", "rotation length: 1 week"
  { pattern: new RegExp(String.raw`\b(?:shifts?|rotations?)(?:\s+length)?\s*(?:of|:)\s*${NUMBER}\s+${UNIT}\b`, "i") },
  // "Duration: 1 week (Monday 9am → Monday 9am)", "Rotation length: 2 weeks"
  { pattern: new RegExp(String.raw`\b(?:duration|length)\s*:\s*${NUMBER}\s+${UNIT}\b`, "i") },
  // Bare cadence words: "Check the dashboards daily" is no rotation, so the line itself must be about on-call.
  {
    pattern: /\bevery\s+(?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
    length: 1,
    unit: "weeks",
    lineContext: true,
  },
  { pattern: /\bevery\s+day\b/i, length: 1, unit: "days", lineContext: true },
  { pattern: /\bfortnightly\b/i, length: 2, unit: "weeks", lineContext: true },
  { pattern: /\bweekly\b/i, length: 1, unit: "weeks", lineContext: true },
  { pattern: /\bdaily\b/i, length: 1, unit: "days", lineContext: true },
];

export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
/** "Monday", "Mondays", "Mon", "Tues", "Thurs": the first three letters say which (1 = Monday). */
export const WEEKDAY =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun)s?\b/gi;
/** "Mon–Fri", "Monday to Friday": a range of days is a restriction, not a handoff day. */
export const WEEKDAY_RANGE =
  /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:-|–|—|to|through|thru)\s*(?:mon|tue|wed|thu|fri|sat|sun)/i;

/** "09:00", "9:00 AM", "9am" (a bare number is not a time: "1 week"). The first one on the line is the handoff. */
export const TIME_OF_DAY = /\b(\d{1,2})(?::(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?|\s*(am|pm|a\.m\.|p\.m\.))(?![\d/])/i;

/** An IANA zone name as written ("Europe/Berlin", "America/Argentina/Buenos_Aires"). */
export const IANA_ZONE =
  /\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/;

/**
 * Zone abbreviations. One maps to a zone only when every place that writes it keeps the same clock rules today;
 * otherwise the rotation is a fact saying the zone is unclear, and no schedule is made unless the plan names
 * an IANA zone.
 */
export const ZONE_ABBREVIATIONS: Record<string, { zone: string } | { unclear: string }> = {
  UTC: { zone: "UTC" },
  // GMT is UTC+0 all year; a plan that means the UK's clock (with summer time) writes UK time or BST.
  GMT: { zone: "UTC" },
  // Every country on Central European Time has kept the EU's summer-time dates since 1996, so any of their zones
  // gives the same instants; tzdata itself makes "CET" a link to Europe/Brussels (2024b), so that one is used.
  CET: { zone: "Europe/Brussels" },
  CEST: { zone: "Europe/Brussels" },
  // US Eastern / Pacific: Australia writes AEST, the Philippines PHT; in an English plan these are the US clocks.
  EST: { zone: "America/New_York" },
  EDT: { zone: "America/New_York" },
  ET: { zone: "America/New_York" },
  PST: { zone: "America/Los_Angeles" },
  PDT: { zone: "America/Los_Angeles" },
  PT: { zone: "America/Los_Angeles" },
  JST: { zone: "Asia/Tokyo" },
  // Only the Australian states with summer time use AEDT (New South Wales, Victoria, Tasmania, the ACT).
  AEDT: { zone: "Australia/Sydney" },
  IST: { unclear: "IST is India, Ireland or Israel" },
  CST: { unclear: "CST is US Central, China or Cuba" },
  MST: { unclear: "MST is Mountain time with summer time (Denver) or without (Phoenix)" },
  BST: { unclear: "BST is British Summer Time or Bangladesh" },
  AEST: { unclear: "AEST is Sydney (with summer time) or Brisbane (without)" },
  EET: { unclear: "EET zones change their clocks on different dates (EU, Egypt, Moldova)" },
};
export const ZONE_ABBREVIATION = new RegExp(String.raw`\b(${Object.keys(ZONE_ABBREVIATIONS).join("|")})\b`);

/** Table columns: the period of a row, and the columns that name who is on call then. */
export const PERIOD_COLUMN = /^(?:weeks?|week of|weeks? starting|dates?|period|from|starting|start)$/i;
export const ON_CALL_COLUMN = /primary|secondary|backup|on[\s-]?call|engineer|responder|shadow|dba|sre/i;
/** A Role | Rotation table: one rotation per row. */
export const ROTATION_COLUMN = /^(?:rotation|cadence|schedule|rotation schedule|shift|handoff)$/i;
export const ROLE_COLUMN = /^(?:role|rotation name|name|position|tier)$/i;
export const MEMBERS_COLUMN = /^(?:members|people|engineers|who|rotation members|roster)$/i;

/** Label words that say nothing about which rotation it is ("**Rotation:** weekly …" names the section's one). */
export const GENERIC_NAME =
  /^(?:rotation(?:\s+(?:schedule|length|cadence))?|schedule|cadence|handoff|hand-off|duration|shift(?:\s+length)?|on[\s-]?call|coverage)$/i;

/** Things in a members list that are no person: teams, roles, placeholders. */
export const NOT_A_PERSON =
  /\b(?:team|on[\s-]?call|engineer|lead|manager|tbd|tba|primary|secondary|backup|rotation|squad|group|staff)\b/i;

/** A section that shows an example or a template states nobody's rotation. */
export const EXAMPLE_SECTION = /\b(?:example|sample|template|illustration)s?\b/i;
