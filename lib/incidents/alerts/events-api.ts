// The PagerDuty Events API v2 body → an intake action, and its answers (202 with status, message and
// dedup_key; 400 "invalid event" with a list of errors), so existing senders work unchanged.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AlertGroup } from "./intake";
import { reportedTimestamp } from "./timestamp";

const payloadSchema = z.object({
  summary: z.string().trim().min(1, "is required").max(1024, "is at most 1024 characters"),
  source: z.string().trim().min(1, "is required").max(255),
  severity: z.enum(["critical", "error", "warning", "info"], {
    error: "must be one of critical, error, warning, info",
  }),
  timestamp: reportedTimestamp("must be an ISO 8601 timestamp between 1970 and 9999").optional(),
  component: z.string().max(255).optional(),
  group: z.string().max(255).optional(),
  class: z.string().max(255).optional(),
  custom_details: z.record(z.string(), z.unknown()).optional(),
});

export const eventsApiSchema = z
  .object({
    routing_key: z.string().max(200).optional(),
    event_action: z.enum(["trigger", "acknowledge", "resolve"], {
      error: "must be one of trigger, acknowledge, resolve",
    }),
    dedup_key: z.string().trim().min(1).max(255, "is at most 255 characters").optional(),
    payload: payloadSchema.optional(),
    client: z.string().max(255).optional(),
    client_url: z.string().max(2048).optional(),
    links: z.array(z.unknown()).max(50).optional(),
    images: z.array(z.unknown()).max(50).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && !event.payload)
      ctx.addIssue({ code: "custom", path: ["payload"], message: "is required for trigger events" });
    if (event.event_action !== "trigger" && !event.dedup_key)
      ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `is required for ${event.event_action} events` });
  });
export type EventsApiEvent = z.infer<typeof eventsApiSchema>;

/** What the sender's custom details say, as flat labels (for service matching and display). */
function labelsOf(event: EventsApiEvent): Record<string, string> {
  const p = event.payload!;
  const labels: Record<string, string> = { source: p.source, severity: p.severity };
  if (p.component) labels.service = p.component;
  if (p.group) labels.group = p.group;
  if (p.class) labels.class = p.class;
  for (const [key, value] of Object.entries(p.custom_details ?? {}).slice(0, 50)) {
    if (["string", "number", "boolean"].includes(typeof value))
      labels[key.slice(0, 256)] = String(value).slice(0, 4096);
  }
  // Without a component, the source (a host, often "host:port") is the best guess at a service.
  labels.instance ??= p.source;
  return labels;
}

/** A trigger as an alert group keyed by its dedup_key (a new key is made when the sender gave none). */
export function triggerGroup(event: EventsApiEvent): AlertGroup {
  const dedupKey = event.dedup_key ?? randomUUID();
  const p = event.payload!;
  return {
    source: "events_api",
    groupKey: dedupKey,
    title: p.summary,
    alerts: [
      {
        dedupKey,
        status: "firing",
        summary: p.summary,
        severity: p.severity,
        labels: labelsOf(event),
        annotations: event.client ? { client: event.client } : {},
        generatorUrl: event.client_url ?? null,
        startsAt: p.timestamp ? new Date(p.timestamp) : null,
        endsAt: null,
      },
    ],
  };
}

export const accepted = (dedupKey: string) => ({ status: "success", message: "Event processed", dedup_key: dedupKey });

export function invalidEvent(error: z.ZodError) {
  return {
    status: "invalid event",
    message: "Event object is invalid",
    errors: error.issues.map((i) => `'${i.path.join(".") || "event"}' ${i.message}`),
  };
}
