"use client";
// The commander's board, ordered for triage on the server (lib/incidents/triage.ts): what needs a person now
// first, each card saying why; an alert storm is one card with its count that opens to its incidents.
// j/k move, Enter opens (or opens a storm's list), d declares. The live stream refreshes it at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TimelineEntry } from "@/lib/incidents/timeline";
import type { BoardEntry, Triage } from "@/lib/incidents/triage";
import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import type { BoardData } from "@/lib/incidents/dashboard";
import { incidentRef, SEVERITIES } from "@/lib/incidents/model";
import { IncidentRef, SeverityBadge, StatusBadge } from "./badges";
import { LiveBadge } from "./live-badge";
import { RtoClock } from "./rto-clock";
import { TimelineList } from "./timeline-list";
import { useLiveBoard } from "./use-board-refresh";
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

type BoardIncident = {
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
  triage: Triage;
  services: {
    id: string;
    name: string;
    tier: number;
    rtoMinutes: number | null;
    verifiedAt: Date | null;
    dependents: number;
  }[];
};

type Storm = Extract<BoardEntry<BoardIncident>, { kind: "storm" }>;

const utcTime = (date: Date) => new Date(date).toISOString().slice(11, 16);
const incidentsOf = (entry: BoardEntry<BoardIncident>) => (entry.kind === "storm" ? entry.incidents : [entry.incident]);

export function CommandBoard({
  initial,
  query,
  filtered,
  limit,
  activity,
  canDeclare,
}: {
  initial: BoardData;
  /** The filters as the URL's query (without "?"): the board re-reads itself with the same ones. */
  query: string;
  filtered: boolean;
  limit: number;
  activity: TimelineEntry[];
  canDeclare: boolean;
}) {
  const router = useRouter();
  const { board, refresh } = useLiveBoard(initial, query);
  const entries: BoardEntry<BoardIncident>[] = board.entries;
  const [selected, setSelected] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const { events, state } = useLiveTimeline({
    initial: activity,
    keep: 200,
    onEvents: (fresh) => fresh.some((e) => BOARD_CHANGING.has(e.kind)) && refresh(),
  });
  const all = entries.flatMap(incidentsOf);
  const numbers = new Map(all.map((i) => [i.id, i.number]));
  const toggle = (key: string, open: boolean) =>
    setExpanded((current) => {
      if (current.has(key) === open) return current;
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  useShortcuts({
    j: () => setSelected((s) => Math.min(entries.length - 1, s + 1)),
    k: () => setSelected((s) => Math.max(0, s - 1)),
    Enter: () => {
      const entry = entries[selected];
      if (entry?.kind === "incident") router.push(`/incidents/${entry.incident.id}`);
      else if (entry) toggle(entry.key, !expanded.has(entry.key));
    },
    d: () => canDeclare && router.push("/incidents/new"),
  });

  return (
    <>
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="severity-counts">
        {SEVERITIES.map((severity) => {
          const count = all.filter((i) => i.severity === severity).length;
          return (
            <Card key={severity} className="p-3">
              <p className="text-xs text-slate-600">{severity}</p>
              <p className={`text-2xl font-semibold ${count && severity === "SEV1" ? "text-red-700" : ""}`}>{count}</p>
            </Card>
          );
        })}
      </div>
      {board.truncated && (
        <p className="mb-3 text-sm text-amber-800">
          Showing the {limit} newest of more open incidents{filtered ? " that match" : ""}: narrow the filters to see
          the rest.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="space-y-3 lg:col-span-2" aria-label="Active incidents">
          <div className="flex items-center justify-between text-xs text-slate-600">
            <span>
              {all.length} open, needing attention first · keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open
              {canDeclare && (
                <>
                  , <kbd>d</kbd> declare
                </>
              )}
            </span>
            <LiveBadge state={state} />
          </div>
          {entries.length === 0 &&
            (filtered ? (
              <EmptyState title="No open incident matches these filters">
                Clear the filters to see every open incident.
              </EmptyState>
            ) : (
              <EmptyState title="No open incidents">
                All quiet. Alerts from Alertmanager or the events API open incidents here.
              </EmptyState>
            ))}
          {entries.map((entry, index) =>
            entry.kind === "storm" ? (
              <StormCard
                key={entry.key}
                storm={entry}
                selected={index === selected}
                open={expanded.has(entry.key)}
                onToggle={(open) => toggle(entry.key, open)}
                onFocus={() => setSelected(index)}
              />
            ) : (
              <IncidentCard
                key={entry.incident.id}
                incident={entry.incident}
                selected={index === selected}
                onFocus={() => setSelected(index)}
              />
            ),
          )}
        </section>
        <section aria-labelledby="activity-heading" className="space-y-2">
          <h2 id="activity-heading" className="font-semibold">
            Latest activity
          </h2>
          <TimelineList
            events={events.slice(-30)}
            showIncident={(id) => (
              <Link href={`/incidents/${id}`} prefetch={false} className="text-brand-700 underline">
                {numbers.has(id) ? incidentRef(numbers.get(id)!) : "incident"}
              </Link>
            )}
          />
        </section>
      </div>
      {board.alerts.length > 0 && (
        <Card className="mt-6 p-4">
          <h2 className="mb-2 font-semibold">Last alerts</h2>
          <ul className="space-y-1 text-sm" data-testid="last-alerts">
            {board.alerts.map((alert) => (
              <li key={alert.id}>
                <Badge tone={alert.status === "resolved" ? "green" : "red"}>{alert.status}</Badge>{" "}
                <Link href={`/incidents/${alert.incident.id}`} prefetch={false} className="text-brand-700 underline">
                  {incidentRef(alert.incident.number)}
                </Link>{" "}
                {alert.summary}{" "}
                <span className="text-xs text-slate-600">
                  ×{alert.receivedCount} · {new Date(alert.lastSeenAt).toISOString().slice(11, 19)} UTC
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

/** Why the card is where it is: red while it needs a person now. */
function Reasons({ triage }: { triage: Triage }) {
  return (
    <p
      className={cn("mt-1 text-sm", triage.attention ? "font-medium text-red-800" : "text-slate-700")}
      data-testid="triage-reasons"
    >
      {triage.reasons.join(" · ")}
    </p>
  );
}

function IncidentCard({
  incident,
  selected,
  onFocus,
}: {
  incident: BoardIncident;
  selected: boolean;
  onFocus: () => void;
}) {
  return (
    <Card
      className={cn("p-4", selected && "ring-2 ring-brand-600")}
      data-testid="board-incident"
      data-attention={incident.triage.attention}
    >
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <IncidentRef number={incident.number} />
        <Link
          href={`/incidents/${incident.id}`}
          prefetch={false}
          className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
          onFocus={onFocus}
        >
          {incident.title}
        </Link>
      </div>
      <Reasons triage={incident.triage} />
      <p className="mt-1 text-xs text-slate-600">
        {incident.system?.name ?? "No system"} · commander {incident.commander?.name ?? "unassigned"} ·{" "}
        {incident.acknowledgedAt ? (
          <span className="text-green-800">acknowledged by {incident.acknowledgedBy}</span>
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
                <span className="text-xs text-slate-600">
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
  );
}

function StormCard({
  storm,
  selected,
  open,
  onToggle,
  onFocus,
}: {
  storm: Storm;
  selected: boolean;
  open: boolean;
  onToggle: (open: boolean) => void;
  onFocus: () => void;
}) {
  const top = storm.incidents[0]!;
  const unacknowledged = storm.incidents.filter((i) => !i.acknowledgedAt).length;
  const system = top.system?.name ?? "Unknown system";
  return (
    <Card
      className={cn("p-4", selected && "ring-2 ring-brand-600")}
      data-testid="board-storm"
      data-count={storm.incidents.length}
      data-attention={top.triage.attention}
    >
      <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-2" onFocus={onFocus}>
          <SeverityBadge severity={top.severity} />
          <span className="font-semibold" data-testid="storm-title">
            {storm.incidents.length} incidents · {system} storm
          </span>
          <span className="text-sm text-slate-700">
            alert {storm.family} · opened {utcTime(storm.first)}–{utcTime(storm.last)} UTC · {unacknowledged} not
            acknowledged · {open ? "hide" : "show"} the list
          </span>
        </summary>
        <ul className="mt-3 divide-y divide-slate-200" data-testid="storm-incidents">
          {storm.incidents.map((incident) => (
            <li key={incident.id} className="py-1" data-testid="storm-incident">
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={incident.severity} />
                <IncidentRef number={incident.number} />
                <Link
                  href={`/incidents/${incident.id}`}
                  prefetch={false}
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                >
                  {incident.title}
                </Link>
              </div>
              <p className="text-xs text-slate-700">{incident.triage.reasons.join(" · ")}</p>
            </li>
          ))}
        </ul>
      </details>
      {!open && <Reasons triage={top.triage} />}
    </Card>
  );
}
