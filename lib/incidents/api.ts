// The JSON shapes of GET /api/v1/incidents and /api/v1/incidents/{id}: stable, documented field names.
import { z } from "zod";
import { isReportedInstant } from "./alerts/timestamp";
import { isStorableTimestamp } from "@/lib/storable-time";
import { STATUSES } from "./model";
import type { findIncidents } from "./queries";
import type { TimelineEntry } from "./timeline";

export const incidentListQuery = z.object({
  status: z.enum([...STATUSES, "open"], { error: `must be one of ${[...STATUSES, "open"].join(", ")}` }).optional(),
  system: z.string().trim().min(1).max(200).optional(),
  since: z
    .string()
    .max(64)
    // A date, or a date and time with its zone; Date.parse alone would read "1" as the year 2001.
    .refine(
      (v) => isReportedInstant(v) || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isStorableTimestamp(v)),
      "must be an ISO 8601 date or timestamp with a zone, between 1970 and 9999",
    )
    .transform((v) => new Date(v))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

type Summary = Awaited<ReturnType<typeof findIncidents>>[number];

export function incidentJson(incident: Summary) {
  return {
    id: incident.id,
    ref: `INC-${incident.number}`,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    statusPage: incident.statusPageLevel,
    system: incident.system,
    commander: incident.commander ? { name: incident.commander.name, email: incident.commander.email } : null,
    source: incident.source,
    dedupKey: incident.dedupKey,
    declaredAt: incident.declaredAt.toISOString(),
    acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: incident.acknowledgedBy,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
  };
}

export function timelineJson(entries: TimelineEntry[]) {
  return entries.map(({ id, at, kind, actorName, message, public: isPublic }) => ({
    id,
    at,
    kind,
    actor: actorName,
    message,
    public: isPublic,
  }));
}
