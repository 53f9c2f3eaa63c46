// A minimal server-sent-events client for benchmarks: one plain node:http socket per stream, no
// reconnects, and each event stamped with performance.now() when its bytes arrived (EventSource
// polyfills add buffering and timers we would be measuring instead).
import http from "node:http";

export type SseEvent = { id: string | null; event: string; data: string; receivedAt: number };
export type SseStream = { status: number; close: () => void; closed: Promise<void> };

/** Opens a stream; resolves once the response headers are in (rejects on a non-200 answer). */
export function openSse(
  url: string,
  headers: Record<string, string>,
  onEvent: (event: SseEvent) => void,
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { Accept: "text/event-stream", ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${url}: HTTP ${res.statusCode}`));
        return;
      }
      let buffer = "";
      res.on("error", () => {}); // close() destroys the socket mid-stream: expected, not a failure
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const receivedAt = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { id: null, event: "message", data: "", receivedAt };
          let hasData = false;
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            if (colon === 0) continue; // a comment (": ping")
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "id") event.id = value;
            else if (field === "event") event.event = value;
            else if (field === "data") {
              event.data = hasData ? `${event.data}\n${value}` : value;
              hasData = true;
            }
          }
          if (hasData) onEvent(event);
        }
      });
      const closed = new Promise<void>((done) => res.on("close", done));
      resolve({ status: res.statusCode, close: () => req.destroy(), closed });
    });
    req.on("error", reject);
  });
}
