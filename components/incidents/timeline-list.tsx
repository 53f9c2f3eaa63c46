import type { TimelineEntry } from "@/lib/incidents/timeline";
import { cn } from "@/components/ui/cn";
import { foldFailures } from "@/lib/incidents/timeline-folding";

const KIND_STYLES: Record<string, string> = {
  declared: "border-red-500",
  status_changed: "border-brand-600",
  acknowledged: "border-green-600",
  alert_received: "border-red-400",
  alert_resolved: "border-green-500",
  escalation_fired: "border-amber-500",
  notification_failed: "border-red-600",
  notification_sent: "border-slate-300",
  service_verified: "border-green-600",
};

const KIND_LABELS: Record<string, string> = {
  declared: "Declared",
  status_changed: "Status",
  severity_changed: "Severity",
  commander_changed: "Commander",
  status_page_changed: "Status page",
  services_changed: "Services",
  note: "Note",
  postmortem: "Postmortem",
  acknowledged: "Acknowledged",
  alert_received: "Alert",
  alert_resolved: "Alert resolved",
  escalation_fired: "Escalation",
  escalation_stopped: "Escalation",
  notification_sent: "Notified",
  notification_failed: "Not delivered",
  recovery_step: "Recovery",
  service_verified: "Verified",
};

const time = (iso: string) => new Date(iso).toISOString().slice(11, 19);

/** Newest first; every entry with its exact UTC time, who, and whether it is public. */
export function TimelineList({
  events,
  showIncident,
}: {
  events: TimelineEntry[];
  showIncident?: (incidentId: string) => React.ReactNode;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-500">Nothing on the timeline yet.</p>;
  return (
    <ol className="space-y-2" data-testid="timeline" aria-live="polite">
      {foldFailures(events)
        .reverse()
        .map((event) => (
          <li
            key={event.id}
            data-event-id={event.id}
            data-event-ids={event.ids.join(" ")}
            data-kind={event.kind}
            className={cn("border-l-4 bg-white py-1.5 pl-3 pr-2", KIND_STYLES[event.kind] ?? "border-slate-200")}
          >
            <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
              <time dateTime={event.at} title={event.at}>
                {time(event.at)} UTC
              </time>
              <span className="font-medium text-slate-700">{KIND_LABELS[event.kind] ?? event.kind}</span>
              <span>{event.actorName}</span>
              {event.public && <span className="rounded bg-blue-50 px-1 text-blue-700">public</span>}
              {event.count > 1 && (
                <span className="font-medium text-red-800" data-testid="failure-count">
                  ×{event.count} since {time(event.firstAt)} UTC
                </span>
              )}
              {showIncident?.(event.incidentId)}
            </div>
            <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{event.message}</p>
          </li>
        ))}
    </ol>
  );
}
