"use client";
// The live timeline in the browser: TanStack Query holds the events; an EventSource appends new ones.
// The browser reconnects by itself and sends Last-Event-ID, so the server resumes right after the last
// event received. If the stream cannot open at all (a proxy that buffers, an old browser), it polls.
import { useQueryClient, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { TimelineEntry } from "@/lib/incidents/timeline";

export type LiveState = "connecting" | "live" | "reconnecting" | "polling";

const POLL_MS = 2000;
/** Failed attempts without ever opening before we stop trying the stream and poll instead. */
const STREAM_ATTEMPTS = 3;

function merge(current: TimelineEntry[], incoming: TimelineEntry[]): TimelineEntry[] {
  const last = current.length ? BigInt(current[current.length - 1]!.id) : BigInt(0);
  const fresh = incoming.filter((e) => BigInt(e.id) > last);
  return fresh.length ? [...current, ...fresh] : current;
}

export function useLiveTimeline(options: { incidentId?: string; initial: TimelineEntry[]; afterId?: string; onEvents?: (events: TimelineEntry[]) => void }) {
  const { incidentId, initial } = options;
  const key = ["timeline", incidentId ?? "all"];
  const client = useQueryClient();
  const { data = initial } = useQuery({ queryKey: key, queryFn: () => client.getQueryData<TimelineEntry[]>(key) ?? initial, initialData: initial, staleTime: Infinity });
  const [state, setState] = useState<LiveState>("connecting");
  const onEvents = useRef(options.onEvents);
  useEffect(() => {
    onEvents.current = options.onEvents;
  });
  const startAfter = useRef(options.afterId ?? initial.at(-1)?.id ?? "0");

  useEffect(() => {
    const query = (after: string) => `${incidentId ? `incident=${encodeURIComponent(incidentId)}&` : ""}after=${after}`;
    const lastId = () => client.getQueryData<TimelineEntry[]>(key)?.at(-1)?.id ?? startAfter.current;
    const receive = (events: TimelineEntry[]) => {
      if (events.length === 0) return;
      client.setQueryData<TimelineEntry[]>(key, (current) => merge(current ?? [], events));
      onEvents.current?.(events);
    };
    let poller: ReturnType<typeof setInterval> | null = null;
    const poll = () => {
      setState("polling");
      const tick = async () => {
        const response = await fetch(`/api/incidents/events?${query(lastId())}`, { cache: "no-store" }).catch(() => null);
        if (response?.ok) receive(((await response.json()) as { events: TimelineEntry[] }).events);
      };
      void tick();
      poller = setInterval(tick, POLL_MS);
    };
    if (typeof EventSource === "undefined") {
      poll();
      return () => void (poller && clearInterval(poller));
    }
    let opened = false;
    let failures = 0;
    const source = new EventSource(`/api/incidents/stream?${query(lastId())}`);
    source.onopen = () => {
      opened = true;
      failures = 0;
      setState("live");
    };
    source.addEventListener("timeline", (message) => receive([JSON.parse((message as MessageEvent<string>).data) as TimelineEntry]));
    source.onerror = () => {
      failures += 1;
      if (!opened && failures >= STREAM_ATTEMPTS) {
        source.close();
        poll();
        return;
      }
      setState(source.readyState === EventSource.CLOSED ? "polling" : "reconnecting");
      if (source.readyState === EventSource.CLOSED) poll();
    };
    return () => {
      source.close();
      if (poller) clearInterval(poller);
    };
    // The stream is per incident; the key is derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, client]);

  return { events: data, state };
}
