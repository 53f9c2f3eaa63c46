// Incident rules that need no database: the status lifecycle, severities, how alert senders' words map to
// ours, and the RTO clock. Unit-tested in model.test.ts.
import type { IncidentStatus, Severity, StatusPageLevel } from "@/lib/generated/prisma/enums";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const satisfies readonly Severity[];
export const STATUSES = [
  "detected",
  "assessing",
  "recovering",
  "verifying",
  "resolved",
] as const satisfies readonly IncidentStatus[];
export const STATUS_PAGE_LEVELS = [
  "operational",
  "degraded",
  "partial_outage",
  "major_outage",
  "maintenance",
] as const satisfies readonly StatusPageLevel[];

export const SEVERITY_LABELS: Record<Severity, string> = {
  SEV1: "SEV1 · critical",
  SEV2: "SEV2 · major",
  SEV3: "SEV3 · minor",
  SEV4: "SEV4 · low",
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  detected: "Detected",
  assessing: "Assessing",
  recovering: "Recovering",
  verifying: "Verifying",
  resolved: "Resolved",
};

export const STATUS_PAGE_LABELS: Record<StatusPageLevel, string> = {
  operational: "Operational",
  degraded: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  maintenance: "Under maintenance",
};

/**
 * How the incident forms name each level: an incident at "operational" is not on the public page at all, so
 * the forms say so instead of "Operational" (which would read as "everything is fine").
 */
export const PUBLISH_LABELS: Record<StatusPageLevel, string> = {
  ...STATUS_PAGE_LABELS,
  operational: "Not shown on the status page",
};

/**
 * Moves an incident may make. Forward one step or more (a fix can be verified straight away), back to an
 * earlier open state when a fix did not hold, and re-opening a resolved incident goes back to assessing.
 */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `The incident is already ${STATUS_LABELS[to].toLowerCase()}.`;
  if (from === "resolved" && to !== "assessing")
    return "A resolved incident can only be re-opened (back to assessing).";
  return null;
}

/** The next status in the lifecycle, for the one-key "advance" shortcut. */
export function nextStatus(status: IncidentStatus): IncidentStatus | null {
  const index = STATUSES.indexOf(status);
  return index >= 0 && index < STATUSES.length - 1 ? STATUSES[index + 1]! : null;
}

/**
 * Alertmanager labels and Events API severities → SEV. Unknown words are SEV3: loud enough to be seen,
 * not loud enough to wake the fleet.
 */
export function severityFromAlert(value: string | undefined | null): Severity {
  switch ((value ?? "").trim().toLowerCase()) {
    case "critical":
    case "sev1":
    case "p1":
    case "page":
      return "SEV1";
    case "error":
    case "major":
    case "high":
    case "sev2":
    case "p2":
      return "SEV2";
    case "info":
    case "informational":
    case "low":
    case "none":
    case "sev4":
    case "p4":
    case "p5":
      return "SEV4";
    default:
      return "SEV3";
  }
}

/** The more severe of two severities (SEV1 beats SEV2). */
export const worstSeverity = (a: Severity, b: Severity): Severity => (a < b ? a : b);

export type RtoClock = {
  elapsedMinutes: number;
  rtoMinutes: number | null;
  remainingMinutes: number | null;
  state: "ok" | "warning" | "breached" | "recovered" | "unknown";
};

/**
 * Time since declared against the service's RTO. Warning from 75% of the RTO; a verified service stops
 * its clock at the moment it was verified.
 */
export function rtoClock(
  declaredAt: Date,
  rtoMinutes: number | null,
  now: Date,
  verifiedAt: Date | null = null,
): RtoClock {
  const end = verifiedAt ?? now;
  const elapsedMinutes = Math.max(0, (end.getTime() - declaredAt.getTime()) / 60_000);
  if (rtoMinutes === null)
    return { elapsedMinutes, rtoMinutes, remainingMinutes: null, state: verifiedAt ? "recovered" : "unknown" };
  const remainingMinutes = rtoMinutes - elapsedMinutes;
  if (verifiedAt) return { elapsedMinutes, rtoMinutes, remainingMinutes, state: "recovered" };
  const state = remainingMinutes < 0 ? "breached" : elapsedMinutes >= rtoMinutes * 0.75 ? "warning" : "ok";
  return { elapsedMinutes, rtoMinutes, remainingMinutes, state };
}

export const incidentRef = (number: number) => `INC-${number}`;
