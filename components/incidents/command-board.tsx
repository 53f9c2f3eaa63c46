"use client";
// The commander's board: open incidents, most severe first, each with its services' live RTO clocks and
// where its escalation stands. j/k move, Enter opens, d declares. Any timeline event anywhere refreshes it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TimelineEntry } from "@/lib/incidents/timeline";
import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import { incidentRef } from "@/lib/incidents/model";
import { IncidentRef, SeverityBadge, StatusBadge } from "./badges";
import { LiveBadge } from "./live-badge";
import { useDebouncedRefresh } from "./live-timeline";
import { RtoClock } from "./rto-clock";
import { TimelineList } from "./timeline-list";
import { useLiveTimeline } from "./use-live-timeline";
import { useShortcuts } from "./use-shortcuts";

const BOARD_CHANGING = new Set([
  "declared",
  "status_changed",
  "severity_changed",
  "commander_changed",
  "services_changed",
  "acknowledged",
  "escalation_fired",
  "alert_received",
  "alert_resolved",
  "service_verified",
]);

export type BoardIncident = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  system: { name: string } | null;
  commander: { name: string } | null;
  escalation: { level: number | null; pending: number };
  services: {
    id: string;
    name: string;
    tier: number;
    rtoMinutes: number | null;
    verifiedAt: Date | null;
    dependents: number;
  }[];
};

export function CommandBoard({
  incidents,
  activity,
  canDeclare,
}: {
  incidents: BoardIncident[];
  activity: TimelineEntry[];
  canDeclare: boolean;
}) {
  const router = useRouter();
  // Every event anywhere arrives here: refresh the board only for those that change it, at most every 2 s.
  const refresh = useDebouncedRefresh(2000);
  const [selected, setSelected] = useState(0);
  const { events, state } = useLiveTimeline({
    initial: activity,
    keep: 200,
    onEvents: (fresh) => fresh.some((e) => BOARD_CHANGING.has(e.kind)) && refresh(),
  });
  const numbers = new Map(incidents.map((i) => [i.id, i.number]));

  useShortcuts({
    j: () => setSelected((s) => Math.min(incidents.length - 1, s + 1)),
    k: () => setSelected((s) => Math.max(0, s - 1)),
    Enter: () => incidents[selected] && router.push(`/incidents/${incidents[selected]!.id}`),
    d: () => canDeclare && router.push("/incidents/new"),
  });

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className="space-y-3 lg:col-span-2" aria-label="Active incidents">
        <div className="flex items-center justify-between text-xs text-slate-500">
          <span>
            {incidents.length} open · keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open
            {canDeclare && (
              <>
                , <kbd>d</kbd> declare
              </>
            )}
          </span>
          <LiveBadge state={state} />
        </div>
        {incidents.length === 0 && (
          <EmptyState title="No open incidents">
            All quiet. Alerts from Alertmanager or the events API open incidents here.
          </EmptyState>
        )}
        {incidents.map((incident, index) => (
          <Card
            key={incident.id}
            className={cn("p-4", index === selected && "ring-2 ring-brand-600")}
            data-testid="board-incident"
          >
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={incident.severity} />
              <StatusBadge status={incident.status} />
              <IncidentRef number={incident.number} />
              <Link
                href={`/incidents/${incident.id}`}
                className="font-semibold text-brand-700 hover:underline"
                onFocus={() => setSelected(index)}
              >
                {incident.title}
              </Link>
            </div>
            <p className="mt-1 text-xs text-slate-600">
              {incident.system?.name ?? "No system"} · commander {incident.commander?.name ?? "unassigned"} ·{" "}
              {incident.acknowledgedAt ? (
                <span className="text-green-700">acknowledged by {incident.acknowledgedBy}</span>
              ) : (
                <span className="font-medium text-red-700">
                  not acknowledged{incident.escalation.level ? ` · escalation level ${incident.escalation.level}` : ""}
                  {incident.escalation.pending ? ` · ${incident.escalation.pending} page(s) to come` : ""}
                </span>
              )}
            </p>
            {incident.services.length > 0 && (
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {incident.services.map((service) => (
                  <li key={service.id}>
                    <p className="text-sm">
                      {service.name}{" "}
                      <span className="text-xs text-slate-500">
                        T{service.tier}
                        {service.dependents ? ` · ${service.dependents} depend on it` : ""}
                      </span>
                    </p>
                    <RtoClock
                      declaredAt={new Date(incident.declaredAt).toISOString()}
                      rtoMinutes={service.rtoMinutes}
                      verifiedAt={service.verifiedAt ? new Date(service.verifiedAt).toISOString() : null}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </section>
      <section aria-labelledby="activity-heading" className="space-y-2">
        <h2 id="activity-heading" className="font-semibold">
          Latest activity
        </h2>
        <TimelineList
          events={events.slice(-30)}
          showIncident={(id) => (
            <Link href={`/incidents/${id}`} className="text-brand-700 hover:underline">
              {numbers.has(id) ? incidentRef(numbers.get(id)!) : "incident"}
            </Link>
          )}
        />
      </section>
    </div>
  );
}
