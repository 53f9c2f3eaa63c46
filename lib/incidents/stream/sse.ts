// Server-sent events for the timeline. Each event carries its id, so the browser's EventSource sends
// Last-Event-ID when it reconnects and the stream resumes right after it: nothing missed, nothing twice.
import { metrics } from "@/lib/observability/metrics";
import type { TimelineEntry } from "../timeline";
import type { TimelineHub } from "./hub";

const encoder = new TextEncoder();

export function formatEvent(entry: TimelineEntry): string {
  // JSON never contains a raw newline, so one data line is always enough.
  return `id: ${entry.id}\nevent: timeline\ndata: ${JSON.stringify(entry)}\n\n`;
}

export type StreamOptions = {
  hub: TimelineHub;
  incidentId?: string;
  afterId: bigint;
  heartbeatMs?: number;
  /** Streams end after this long; the browser reconnects (re-checking the session) and resumes. */
  maxAgeMs?: number;
  /** Checked at every heartbeat: a deactivated or demoted user's stream ends there. */
  stillAllowed?: () => Promise<boolean>;
  signal?: AbortSignal;
  /** Called once when the stream ends, however it ends (gives back its stream slot). */
  onClose?: () => void;
};

/** Chunks queued for a client that does not read before its stream is closed (it resumes by Last-Event-ID). */
const MAX_QUEUED_CHUNKS = 2000;

export async function timelineStream(options: StreamOptions): Promise<Response> {
  let unsubscribe: (() => void) | null = null;
  let timers: NodeJS.Timeout[] = [];
  let open = true;
  // lifeboat_sse_open_streams: counted from the subscription until the stream ends, once.
  let counted = false;
  let closed = false;
  const stop = () => {
    open = false;
    if (!closed) options.onClose?.();
    closed = true;
    if (counted) metrics().sseOpenStreams.dec();
    counted = false;
    unsubscribe?.();
    timers.forEach(clearTimeout);
    timers = [];
  };
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const end = () => {
    stop();
    try {
      controllerRef?.close();
    } catch {
      /* already closed */
    }
  };
  const write = (text: string) => {
    if (!open || !controllerRef) return;
    // A stalled client must not make the server buffer every event: end its stream, it resumes later.
    if ((controllerRef.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return end();
    try {
      controllerRef.enqueue(encoder.encode(text));
    } catch {
      stop();
    }
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      // How long the browser waits before reconnecting after a drop.
      write(`retry: 1000\n: connected\n\n`);
      try {
        unsubscribe = await options.hub.subscribe({
          incidentId: options.incidentId,
          cursor: options.afterId,
          send: (events) => write(events.map(formatEvent).join("")),
        });
      } catch {
        // The database is unreachable: say so and end; the browser retries and resumes from its last id.
        write(`event: unavailable\ndata: {}\n\n`);
        stop();
        controller.close();
        return;
      }
      if (!open) {
        unsubscribe();
        return;
      }
      metrics().sseOpenStreams.inc();
      counted = true;
      timers.push(
        setInterval(async () => {
          if (options.stillAllowed && !(await options.stillAllowed().catch(() => false))) return end();
          write(`: ping\n\n`);
        }, options.heartbeatMs ?? 15_000),
      );
      timers.push(setTimeout(end, options.maxAgeMs ?? 5 * 60_000));
    },
    cancel: stop,
  });
  options.signal?.addEventListener("abort", stop);
  // A client gone before we got here fires no abort event any more.
  if (options.signal?.aborted) stop();
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      // Tells nginx-style proxies not to buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
