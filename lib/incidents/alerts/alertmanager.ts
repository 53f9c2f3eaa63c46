// Prometheus Alertmanager's webhook payload (version 4) → an AlertGroup. Unknown fields are allowed:
// Alertmanager adds fields over releases and a receiver must not break on an upgrade.
import { z } from "zod";
import type { AlertGroup, IncomingAlert } from "./intake";
import { isReportedInstant } from "./timestamp";

const labelMap = z.record(z.string().max(256), z.string().max(4096)).default({});
// Alertmanager sends "0001-01-01T00:00:00Z" for "no end yet".
const timestamp = z
  .string()
  .max(64)
  .refine((v) => v.startsWith("0001-") || isReportedInstant(v), "must be an RFC 3339 timestamp between 1970 and 9999")
  .transform((v) => (v.startsWith("0001-") ? null : new Date(v)))
  .optional();

const alertSchema = z.object({
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  labels: labelMap,
  annotations: labelMap,
  startsAt: timestamp,
  endsAt: timestamp,
  generatorURL: z.string().max(4096).optional(),
  fingerprint: z.string().trim().min(1, "is required (it is how repeats are recognised)").max(256),
});

export const alertmanagerSchema = z.object({
  version: z.string().max(8).optional(),
  groupKey: z.string().min(1, "is required").max(4096),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: z.enum(["firing", "resolved"], { error: 'must be "firing" or "resolved"' }),
  receiver: z.string().max(512).default(""),
  groupLabels: labelMap,
  commonLabels: labelMap,
  commonAnnotations: labelMap,
  externalURL: z.string().max(4096).optional(),
  alerts: z.array(alertSchema).min(1, "must hold at least one alert").max(1000, "at most 1000 alerts per delivery"),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerSchema>;

function summaryOf(labels: Record<string, string>, annotations: Record<string, string>): string {
  const text = annotations.summary || annotations.description || annotations.message || labels.alertname || "Alert";
  const where = labels.service || labels.job || labels.instance;
  return where && !text.includes(where) ? `${text} (${where})` : text;
}

export function fromAlertmanager(payload: AlertmanagerPayload): AlertGroup {
  const alerts: IncomingAlert[] = payload.alerts.map((a) => ({
    dedupKey: a.fingerprint,
    status: a.status,
    summary: summaryOf(a.labels, a.annotations),
    severity: a.labels.severity ?? payload.commonLabels.severity ?? "",
    labels: a.labels,
    annotations: a.annotations,
    generatorUrl: a.generatorURL || null,
    startsAt: a.startsAt ?? null,
    endsAt: a.endsAt ?? null,
  }));
  const groupName = payload.commonLabels.alertname ?? Object.values(payload.groupLabels).join(" ");
  const title =
    payload.commonAnnotations.summary ||
    (groupName ? `${groupName}${alerts.length > 1 ? ` (${alerts.length} alerts)` : ""}` : alerts[0]!.summary);
  return { source: "alertmanager", groupKey: payload.groupKey, title, alerts };
}
