// A server-sent-events client that never gives up, as the fault specs need one: it reconnects after every
// end or refusal (1 s, the `retry:` the server sends) with Last-Event-ID set to the last id it received,
// exactly as a browser's EventSource resumes a dropped stream. It keeps every timeline event it got, in
// arrival order, so a spec can compare them with the rows in the database: nothing missed, nothing twice.
import { openSse } from "../../scripts/lib/sse-client";

type Received = { id: bigint; incidentId: string; message: string; at: number };

export type SseFollower = {
  events: Received[];
  /** Streams that opened (HTTP 200), the first included. */
  opened: () => number;
  /** Attempts the server refused (non-200) or that failed to connect, with the reason. */
  refusals: string[];
  /** `event: unavailable` lines: the server said the database was away and ended the stream. */
  unavailable: () => number;
  stop: () => void;
};

const RETRY_MS = 1000;

/** Follows `url` (a stream URL with its query) with the given Cookie header until `stop()`. */
export function followStream(url: string, cookie: string): SseFollower {
  const events: Received[] = [];
  const refusals: string[] = [];
  let opened = 0;
  let unavailable = 0;
  let stopped = false;
  let close: (() => void) | null = null;

  const loop = async () => {
    while (!stopped) {
      const last = events.at(-1);
      const headers: Record<string, string> = { Cookie: cookie, ...(last && { "Last-Event-ID": String(last.id) }) };
      try {
        const stream = await openSse(url, headers, (event) => {
          if (event.event === "unavailable") unavailable += 1;
          if (event.event !== "timeline" || event.id === null) return;
          const entry = JSON.parse(event.data) as { incidentId: string; message: string };
          events.push({ id: BigInt(event.id), incidentId: entry.incidentId, message: entry.message, at: Date.now() });
        });
        opened += 1;
        close = stream.close;
        await stream.closed;
      } catch (error) {
        refusals.push((error as Error).message);
      }
      close = null;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void loop();

  return {
    events,
    opened: () => opened,
    refusals,
    unavailable: () => unavailable,
    stop: () => {
      stopped = true;
      close?.();
    },
  };
}
