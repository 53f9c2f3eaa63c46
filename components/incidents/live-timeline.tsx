"use client";
// The incident's timeline, live. Events that change what the rest of the page shows (status, services,
// acknowledgement…) also refresh the server-rendered parts, at most twice a second.
import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { TimelineEntry } from "@/lib/incidents/timeline";
import { LiveBadge } from "./live-badge";
import { TimelineList } from "./timeline-list";
import { useLiveTimeline } from "./use-live-timeline";

const PAGE_CHANGING = new Set([
  "status_changed",
  "severity_changed",
  "commander_changed",
  "status_page_changed",
  "services_changed",
  "acknowledged",
  "alert_received",
  "alert_resolved",
  "escalation_fired",
  "service_verified",
  "postmortem",
  "recovery_run",
  "recovery_step",
]);

function useDebouncedRefresh(delayMs = 500) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, delayMs);
  };
}

export function LiveTimeline({ incidentId, initial }: { incidentId: string; initial: TimelineEntry[] }) {
  const refresh = useDebouncedRefresh();
  const { events, state } = useLiveTimeline({
    incidentId,
    initial,
    onEvents: (fresh) => fresh.some((e) => PAGE_CHANGING.has(e.kind)) && refresh(),
  });
  return (
    <section aria-labelledby="timeline-heading" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="timeline-heading" className="font-semibold">
          Timeline <span className="text-sm font-normal text-slate-500">({events.length})</span>
        </h2>
        <LiveBadge state={state} />
      </div>
      <TimelineList events={events} />
    </section>
  );
}
