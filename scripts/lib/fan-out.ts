// Fan-out accounting for benchmarks: messages sent on a schedule to many receivers, and for each
// receiver when each message arrived — latency percentiles plus what was missed, doubled or unexpected.
import { percentiles } from "./measure";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `fn(i)` `count` times, starting each on a fixed schedule (no drift when a call is slow). */
export async function paced(count: number, intervalMs: number, fn: (i: number) => Promise<void>) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    await fn(i);
  }
}

/** Who got which message when, against when it was sent: latencies, and what was missed or doubled. */
export class Deliveries {
  readonly sentAt = new Map<string, number>();
  private readonly got: Map<string, number>[];
  private duplicates = 0;
  private delivered = 0;
  constructor(readonly clients: number) {
    this.got = Array.from({ length: clients }, () => new Map());
  }
  receive(client: number, key: string, at: number) {
    const seen = this.got[client]!;
    if (seen.has(key)) this.duplicates += 1;
    else {
      seen.set(key, at);
      this.delivered += 1;
    }
  }
  /** Whether every client has received `key` (sent or not). */
  everyoneHas(key: string) {
    return this.got.every((seen) => seen.has(key));
  }
  /** Waits until every client has every sent message, or the deadline. */
  async settle(timeoutMs: number) {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && this.count().delivered < this.sentAt.size * this.clients) await sleep(20);
  }
  private count() {
    let delivered = 0;
    for (const seen of this.got) for (const key of this.sentAt.keys()) if (seen.has(key)) delivered += 1;
    return { delivered, unexpected: this.delivered - delivered };
  }
  summary() {
    const latencies: number[] = [];
    for (const seen of this.got) {
      for (const [key, sent] of this.sentAt) {
        const at = seen.get(key);
        if (at !== undefined) latencies.push(at - sent);
      }
    }
    const { delivered, unexpected } = this.count();
    const expected = this.sentAt.size * this.clients;
    return {
      clients: this.clients,
      latency: percentiles(latencies),
      expected,
      delivered,
      missing: expected - delivered,
      duplicates: this.duplicates,
      unexpected,
    };
  }
}
