// Live RPO rules: how old the newest good backup may be, and when a scheduled run counts as missed.
import { CronExpressionParser } from "cron-parser";

export const RPO_BANDS = ["within", "exceeded", "severe", "critical", "never", "no_target"] as const;
export type RpoBand = (typeof RPO_BANDS)[number];

export const BAND_LABELS: Record<RpoBand, string> = {
  within: "Within target",
  exceeded: "Exceeded (≤2×)",
  severe: "Severely exceeded (≤4×)",
  critical: "Critical (>4×)",
  never: "Never backed up",
  no_target: "No RPO target",
};

/**
 * Band of a backup age against an RPO: ≤1× within, ≤2× exceeded, ≤4× severe, beyond that critical.
 * lib/backups/freshness.ts computes the same bands in SQL for the whole fleet; a test keeps them equal.
 */
export function rpoBand(ageMinutes: number | null, rpoMinutes: number | null): RpoBand {
  if (rpoMinutes === null) return "no_target";
  if (ageMinutes === null) return "never";
  // An RPO of 0 (continuous replication) is met only by a backup that is no older than a minute.
  const ratio = ageMinutes / Math.max(rpoMinutes, 1);
  if (ratio <= 1) return "within";
  if (ratio <= 2) return "exceeded";
  if (ratio <= 4) return "severe";
  return "critical";
}

export type Schedule = { intervalMinutes: number | null; cron: string | null; graceMinutes: number };

/** Answers of cronProblem by expression: a plan import checks the same few schedules thousands of times. */
const cronAnswers = new Map<string, string | null>();
const MAX_CRON_ANSWERS = 1_000;

/** Parses a five-field cron expression (UTC); returns the problem in words when it is not valid. */
export function cronProblem(expression: string): string | null {
  const known = cronAnswers.get(expression);
  if (known !== undefined) return known;
  const answer = parseProblem(expression);
  if (cronAnswers.size >= MAX_CRON_ANSWERS) cronAnswers.clear();
  cronAnswers.set(expression, answer);
  return answer;
}

function parseProblem(expression: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5) return "Cron needs five fields: minute hour day month weekday";
  try {
    CronExpressionParser.parse(expression, { tz: "UTC" });
    return null;
  } catch (error) {
    return `Cron expression is not valid: ${(error as Error).message}`;
  }
}

/**
 * Is the policy's schedule missed? Interval: no run started within one interval plus the grace period.
 * Cron: the last scheduled time that is more than the grace period ago has no run started since.
 * A policy younger than its first due time is not missed. Also returns when the next run is due.
 */
export function missedSchedule(
  schedule: Schedule,
  lastRunStartedAt: Date | null,
  policyCreatedAt: Date,
  now: Date,
): { missed: boolean; dueAt: Date | null } {
  const graceMs = schedule.graceMinutes * 60_000;
  if (schedule.intervalMinutes) {
    const reference = lastRunStartedAt ?? policyCreatedAt;
    const dueAt = new Date(reference.getTime() + schedule.intervalMinutes * 60_000);
    return { missed: now.getTime() > dueAt.getTime() + graceMs, dueAt };
  }
  if (schedule.cron) {
    try {
      const scheduledBefore = CronExpressionParser.parse(schedule.cron, {
        tz: "UTC",
        currentDate: new Date(now.getTime() - graceMs),
      })
        .prev()
        .toDate();
      const dueAt = CronExpressionParser.parse(schedule.cron, {
        tz: "UTC",
        currentDate: lastRunStartedAt ?? policyCreatedAt,
      })
        .next()
        .toDate();
      if (scheduledBefore.getTime() < policyCreatedAt.getTime()) return { missed: false, dueAt };
      // A job may start a little early; a minute of tolerance keeps clock skew from looking like a miss.
      const ranSince = lastRunStartedAt !== null && lastRunStartedAt.getTime() >= scheduledBefore.getTime() - 60_000;
      return { missed: !ranSince, dueAt };
    } catch {
      return { missed: false, dueAt: null };
    }
  }
  return { missed: false, dueAt: null };
}

export const VERIFICATIONS = ["none", "exists", "decompresses", "restore_test"] as const;
export const VERIFICATION_LABELS: Record<(typeof VERIFICATIONS)[number], string> = {
  none: "Not verified",
  exists: "File exists and is not empty",
  decompresses: "Archive decompresses",
  restore_test: "Restore test",
};
