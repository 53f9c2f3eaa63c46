"use client";
// The live timeline in the browser: TanStack Query holds the events; an EventSource appends new ones.
// The browser reconnects by itself and sends Last-Event-ID, so the server resumes right after the last
// event received. If the stream cannot open (a proxy that buffers, the app restarting, an old browser), it
// polls instead, and tries the stream again every half minute.
import { useQueryClient, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { TimelineEntry } from "@/lib/incidents/timeline";

export type LiveState = "connecting" | "live" | "reconnecting" | "polling";

const POLL_MS = 2000;
const RETRY_STREAM_MS = 30_000;
/** Failed attempts without ever opening before we poll instead. */
const STREAM_ATTEMPTS = 3;

function mergeEvents(current: TimelineEntry[], incoming: TimelineEntry[], keep: number): TimelineEntry[] {
  const last = current.length ? BigInt(current[current.length - 1]!.id) : BigInt(0);
  const fresh = incoming.filter((e) => BigInt(e.id) > last);
  if (fresh.length === 0) return current;
  const merged = [...current, ...fresh];
  return merged.length > keep ? merged.slice(merged.length - keep) : merged;
}

type Options = {
  incidentId?: string;
  initial: TimelineEntry[];
  onEvents?: (events: TimelineEntry[]) => void;
  keep?: number;
};

export function useLiveTimeline(options: Options) {
  const { incidentId, initial } = options;
  const keep = options.keep ?? 5000;
  const key = ["timeline", incidentId ?? "all"];
  const client = useQueryClient();
  const { data = initial } = useQuery({
    queryKey: key,
    queryFn: () => client.getQueryData<TimelineEntry[]>(key) ?? initial,
    initialData: initial,
    staleTime: Infinity,
  });
  const [state, setState] = useState<LiveState>("connecting");
  const onEvents = useRef(options.onEvents);
  useEffect(() => {
    onEvents.current = options.onEvents;
  });
  const startAfter = useRef(initial.at(-1)?.id ?? "0");

  useEffect(() => {
    const query = (after: string) => `${incidentId ? `incident=${encodeURIComponent(incidentId)}&` : ""}after=${after}`;
    const lastId = () => client.getQueryData<TimelineEntry[]>(key)?.at(-1)?.id ?? startAfter.current;
    const receive = (events: TimelineEntry[]) => {
      if (events.length === 0) return;
      client.setQueryData<TimelineEntry[]>(key, (current) => mergeEvents(current ?? [], events, keep));
      onEvents.current?.(events);
    };
    let source: EventSource | null = null;
    let poller: ReturnType<typeof setInterval> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;

    const stopPolling = () => {
      if (poller) clearInterval(poller);
      if (retry) clearTimeout(retry);
      poller = retry = null;
    };
    const poll = () => {
      setState("polling");
      const tick = async () => {
        const response = await fetch(`/api/incidents/events?${query(lastId())}`, { cache: "no-store" }).catch(
          () => null,
        );
        if (response?.ok) receive(((await response.json()) as { events: TimelineEntry[] }).events);
      };
      void tick();
      poller ??= setInterval(tick, POLL_MS);
      if (typeof EventSource !== "undefined") retry = setTimeout(connect, RETRY_STREAM_MS);
    };
    function connect() {
      let opened = false;
      let failures = 0;
      const stream = new EventSource(`/api/incidents/stream?${query(lastId())}`);
      source = stream;
      stream.onopen = () => {
        opened = true;
        failures = 0;
        stopPolling();
        setState("live");
      };
      stream.addEventListener("timeline", (message) =>
        receive([JSON.parse((message as MessageEvent<string>).data) as TimelineEntry]),
      );
      stream.onerror = () => {
        failures += 1;
        // CLOSED: the server answered with an error status; the browser will not retry by itself. That includes
        // 429 (too many streams for this user or server): poll, and try the stream again in half a minute.
        if (stream.readyState === EventSource.CLOSED || (!opened && failures >= STREAM_ATTEMPTS)) {
          stream.close();
          poll();
          return;
        }
        setState("reconnecting");
      };
    }
    if (typeof EventSource === "undefined") poll();
    else connect();
    return () => {
      source?.close();
      stopPolling();
    };
    // The stream is per incident; the key is derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, client]);

  return { events: data, state };
}
