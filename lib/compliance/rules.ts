// RTO compliance rules, pure: the 90th percentile of recent measurements, "unproven" when nothing was
// measured lately, and the dependency bound — a service cannot recover faster than what it depends on.
// lib/compliance/queries.ts computes the per-service figures in SQL; these rules decide the verdict.
import type { RpoBand } from "@/lib/backups/rules";

/** Measurements older than this do not prove anything any more. */
export const PROVEN_WITHIN_DAYS = 90;
/** How many of the newest measurements the 90th percentile looks at. */
export const RECENT_MEASUREMENTS = 10;

export const RTO_STATUSES = ["fail", "unproven", "pass", "no_target"] as const;
export type RtoStatus = (typeof RTO_STATUSES)[number];

/** One service's compliance figures and verdict (lib/compliance/queries.ts#findComplianceRows). */
export type ComplianceRow = {
  id: string;
  name: string;
  tier: number;
  systemId: string;
  systemName: string;
  rtoTargetMinutes: number | null;
  lastMeasuredAt: Date | null;
  lastSeconds: number | null;
  p90Seconds: number | null;
  measurements: number;
  dependencyBoundSeconds: number | null;
  dependencyBoundName: string | null;
  rpoMinutes: number | null;
  ageMinutes: number | null;
  band: RpoBand;
  within30: number | null;
  within90: number | null;
  status: RtoStatus;
  reason: string;
};

export const RTO_STATUS_LABELS: Record<RtoStatus, string> = {
  pass: "Passing",
  fail: "Failing",
  unproven: "Unproven",
  no_target: "No RTO target",
};

/** Nearest-rank 90th percentile (what Postgres's percentile_disc(0.9) returns): ceil(0.9·n)-th smallest. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export type RtoFacts = {
  targetMinutes: number | null;
  lastMeasuredAt: Date | null;
  /** p90 of the newest measurements, seconds. */
  p90Seconds: number | null;
  /** The slowest measured recovery among everything this service depends on (directly or not), seconds. */
  dependencyBound: { seconds: number; serviceName: string } | null;
};

export type RtoVerdict = { status: RtoStatus; reason: string };

const minutes = (seconds: number) => `${Math.round(seconds / 6) / 10} min`;

export function rtoVerdict(facts: RtoFacts, now: Date): RtoVerdict {
  if (facts.targetMinutes === null) return { status: "no_target", reason: "No RTO target set" };
  const target = facts.targetMinutes * 60;
  if (facts.dependencyBound && facts.dependencyBound.seconds > target) {
    return {
      status: "fail",
      reason: `Depends on ${facts.dependencyBound.serviceName}, measured at ${minutes(facts.dependencyBound.seconds)} (p90): longer than this target of ${facts.targetMinutes} min`,
    };
  }
  const stale =
    !facts.lastMeasuredAt || now.getTime() - facts.lastMeasuredAt.getTime() > PROVEN_WITHIN_DAYS * 86_400_000;
  if (stale || facts.p90Seconds === null)
    return {
      status: "unproven",
      reason: facts.lastMeasuredAt
        ? `Last measured over ${PROVEN_WITHIN_DAYS} days ago`
        : "Never measured (no incident or drill verified it)",
    };
  if (facts.p90Seconds > target)
    return { status: "fail", reason: `p90 ${minutes(facts.p90Seconds)} over the target of ${facts.targetMinutes} min` };
  return { status: "pass", reason: `p90 ${minutes(facts.p90Seconds)} within ${facts.targetMinutes} min` };
}

/**
 * Seconds a service spent out of its RPO inside [from, to], given the finish times of its good backups (any
 * order, including the last one before `from`). Between two backups the age passes the RPO `rpo` seconds
 * after the first; before the first known backup it is out of target. The SQL in queries.ts does the same.
 */
export function secondsOutOfRpo(backups: readonly Date[], rpoSeconds: number, from: Date, to: Date): number {
  const times = backups.map((d) => d.getTime()).sort((a, b) => a - b);
  let out = 0;
  let previous: number | null = null;
  for (const end of [...times.filter((t) => t <= to.getTime()), to.getTime()]) {
    const badFrom = Math.max(previous === null ? from.getTime() : previous + rpoSeconds * 1000, from.getTime());
    if (end > badFrom) out += (end - badFrom) / 1000;
    previous = end;
  }
  return out;
}
