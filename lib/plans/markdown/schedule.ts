// How often: backup frequencies ("Daily", "Hourly", "Every 6 hours", "Daily at 2:00 AM") and drill periods
// ("Monthly DR Tests", "Quarterly"). A time of day makes a cron expression; a bare frequency an interval.

const WORD_MINUTES: [RegExp, number][] = [
  [/\bhourly\b/i, 60],
  [/\b(?:daily|nightly|every\s+(?:day|night))\b/i, 1440],
  [/\b(?:fortnightly|bi-?weekly)\b/i, 20_160],
  [/\b(?:weekly|every\s+week)\b/i, 10_080],
  [/\b(?:monthly|every\s+month)\b/i, 43_200],
];
const EVERY = /\bevery\s+(\d+)\s*(minutes?|mins?|hours?|hrs?|days?|weeks?)\b/i;
const CONTINUOUS =
  /\b(?:real[\s-]?time|continuous(?:ly)?|streaming|on every (?:change|write)|synchronous|asynchronous|instant)\b/i;
const TIME = /\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i;
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export type Frequency =
  | { intervalMinutes: number; cron?: undefined; continuous?: undefined }
  | { cron: string; intervalMinutes?: undefined; continuous?: undefined }
  | { continuous: true; intervalMinutes?: undefined; cron?: undefined };

/** A backup frequency, or null when the text states none. */
export function parseFrequency(text: string): Frequency | null {
  if (CONTINUOUS.test(text)) return { continuous: true };
  const every = EVERY.exec(text);
  let interval: number | undefined;
  if (every) {
    const unit = every[2]!.toLowerCase();
    const scale = unit.startsWith("m") ? 1 : unit.startsWith("h") ? 60 : unit.startsWith("d") ? 1440 : 10_080;
    interval = Number(every[1]) * scale;
  } else interval = WORD_MINUTES.find(([pattern]) => pattern.test(text))?.[1];
  if (!interval) return null;
  const cron = timeOfDay(text, interval);
  return cron ? { cron } : { intervalMinutes: interval };
}

/** "Daily at 2:30 AM" → "30 2 * * *"; "Weekly on Sunday at 3 AM" → "0 3 * * 0". Other intervals keep no time. */
function timeOfDay(text: string, interval: number): string | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replace(/\./g, "");
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === "pm" && hour !== 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  if (interval === 1440) return `${minute} ${hour} * * *`;
  const day = DAYS.findIndex((d) => new RegExp(`\\b${d}s?\\b`, "i").test(text));
  if (interval === 10_080 && day >= 0) return `${minute} ${hour} * * ${day}`;
  return null;
}

const DRILL_PERIODS: [RegExp, number][] = [
  [/\bdaily\b/i, 1],
  [/\b(?:fortnightly|bi-?weekly)\b/i, 14],
  [/\bweekly\b/i, 7],
  [/\bmonthly\b/i, 30],
  [/\bquarterly\b/i, 91],
  [/\b(?:semi-?annual(?:ly)?|bi-?annual(?:ly)?|half-?yearly|twice a year)\b/i, 182],
  [/\b(?:annual(?:ly)?|yearly|once a year)\b/i, 365],
];

/** How many days apart a "Monthly"/"Quarterly"/"Annual" exercise is. */
export function drillPeriodDays(text: string): number | null {
  return DRILL_PERIODS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Words that make a scheduled item an exercise of the plan rather than a backup. */
export const DRILL_WORDS = /\b(?:tests?|testing|drills?|exercises?|simulations?|game\s?days?|failover tests?)\b/i;
