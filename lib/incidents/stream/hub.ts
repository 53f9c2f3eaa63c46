// One LISTEN connection per app process fans timeline events out to every open stream in that process.
// A NOTIFY only says "there is something new"; the hub reads the new rows once (id > what it has seen)
// and hands each to the subscribers it concerns. Several app processes each run their own hub on the
// same channel, so an event written anywhere reaches viewers everywhere.
//
// Nothing is lost: a subscriber first replays from the database everything after the id it already has,
// while live events are buffered; then it takes live events, skipping ids it has sent. If the LISTEN
// connection drops, the hub reconnects and reads everything after its last id; a slow poll also catches
// a connection that died silently.
import pg from "pg";
import type { Reader } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { findTimelineEvents, TIMELINE_CHANNEL, TIMELINE_PAGE, type TimelineEntry } from "../timeline";

export type Subscriber = {
  incidentId?: string;
  /** Highest id this subscriber has been sent. */
  cursor: bigint;
  send: (events: TimelineEntry[]) => void;
};

type Internal = Subscriber & { replaying: boolean; buffer: TimelineEntry[] };

export type HubOptions = { connectionString: string; db: Reader; pollMs?: number; reconnectMs?: number };

export class TimelineHub {
  private client: pg.Client | null = null;
  private cursor: bigint | null = null;
  private readonly subscribers = new Set<Internal>();
  private starting: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private poller: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: HubOptions) {}

  get size() {
    return this.subscribers.size;
  }

  /** Subscribes and replays everything after `subscriber.cursor`; returns the unsubscribe function. */
  async subscribe(subscriber: Subscriber): Promise<() => void> {
    await this.ensureListening();
    const entry: Internal = { ...subscriber, replaying: true, buffer: [] };
    this.subscribers.add(entry);
    const unsubscribe = () => void this.subscribers.delete(entry);
    try {
      for (;;) {
        const page = await findTimelineEvents(this.options.db, {
          incidentId: entry.incidentId,
          afterId: entry.cursor,
          limit: TIMELINE_PAGE,
        });
        this.deliver(entry, page);
        if (page.length < TIMELINE_PAGE) break;
      }
      entry.replaying = false;
      this.deliver(entry, entry.buffer);
      entry.buffer = [];
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  private deliver(entry: Internal, events: TimelineEntry[]) {
    const fresh = events.filter(
      (e) => BigInt(e.id) > entry.cursor && (!entry.incidentId || e.incidentId === entry.incidentId),
    );
    if (fresh.length === 0) return;
    entry.cursor = BigInt(fresh[fresh.length - 1]!.id);
    entry.send(fresh);
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.starting ??= this.connect().finally(() => (this.starting = null));
    return this.starting;
  }

  private async connect() {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: "lifeboat-timeline-hub",
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    await client.connect();
    client.on("notification", () => this.wake());
    await client.query(`LISTEN ${TIMELINE_CHANNEL}`);
    // Listening first, then reading the high-water mark: nothing can fall between the two.
    if (this.cursor === null) {
      const result = await client.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "TimelineEvent"`);
      this.cursor = BigInt(result.rows[0]?.max ?? "0");
    }
    this.client = client;
    this.poller ??= setInterval(() => this.subscribers.size > 0 && this.wake(), this.options.pollMs ?? 5000);
    this.poller.unref?.();
    // Whatever was written while we were reconnecting.
    this.wake();
  }

  private lost(client: pg.Client, error: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    if (this.closed) return;
    logger.warn({ reason: error.message }, "timeline listener lost its connection; reconnecting");
    const retry = () => {
      if (this.closed || this.client) return;
      this.ensureListening().catch(() => setTimeout(retry, this.options.reconnectMs ?? 1000).unref?.());
    };
    setTimeout(retry, this.options.reconnectMs ?? 1000).unref?.();
  }

  /** Reads what is new once, however many notifications arrived meanwhile. */
  private wake() {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error) => logger.warn({ err: error }, "timeline hub could not read new events"))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain() {
    if (this.cursor === null) return;
    if (this.subscribers.size === 0) {
      // Nobody to tell: just move the mark (a new subscriber replays from the database itself).
      const rows = await this.options.db.$queryRaw<
        { max: string | null }[]
      >`SELECT max(id)::text AS max FROM "TimelineEvent"`;
      // Someone may have subscribed while we read: then the mark must not jump past events they still need.
      if (this.subscribers.size === 0) {
        this.cursor = BigInt(rows[0]?.max ?? "0");
        return;
      }
    }
    for (;;) {
      const events = await findTimelineEvents(this.options.db, { afterId: this.cursor, limit: TIMELINE_PAGE });
      if (events.length === 0) return;
      this.cursor = BigInt(events[events.length - 1]!.id);
      for (const entry of this.subscribers) {
        if (entry.replaying) entry.buffer.push(...events);
        else this.deliver(entry, events);
      }
      if (events.length < TIMELINE_PAGE) return;
    }
  }

  async close() {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    const client = this.client;
    this.client = null;
    this.subscribers.clear();
    await client?.end().catch(() => {});
  }
}

const globalForHub = globalThis as unknown as { lifeboatTimelineHub?: TimelineHub };

/** The process's hub (created on first use). */
export function getTimelineHub(create: () => TimelineHub): TimelineHub {
  globalForHub.lifeboatTimelineHub ??= create();
  return globalForHub.lifeboatTimelineHub;
}
