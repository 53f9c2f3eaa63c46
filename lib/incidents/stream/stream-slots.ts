// Caps on the live timeline streams one app process holds: per user and in all. Each open stream costs
// ~180 KB (measured: 2,000 streams of one viewer took the process from 279 to 633 MB), so without a cap one
// signed-in user could take a replica past its memory limit. In memory, per process: a stream is a
// connection to this process, and the process cap is what protects its memory.
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

export type StreamCaps = { perUser: number; perProcess: number };
export type StreamSlot = { ok: true; release: () => void } | { ok: false; cap: "user" | "process"; limit: number };

export class StreamSlots {
  private readonly byUser = new Map<string, number>();
  private total = 0;

  constructor(private readonly caps: () => StreamCaps) {}

  /** Takes a slot for one stream of `userId`; `release` gives it back (safe to call more than once). */
  acquire(userId: string): StreamSlot {
    const { perUser, perProcess } = this.caps();
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= perUser) return this.refuse("user", perUser);
    if (this.total >= perProcess) return this.refuse("process", perProcess);
    this.byUser.set(userId, mine + 1);
    this.total += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        const left = (this.byUser.get(userId) ?? 1) - 1;
        if (left > 0) this.byUser.set(userId, left);
        else this.byUser.delete(userId);
      },
    };
  }

  held(userId?: string): number {
    return userId === undefined ? this.total : (this.byUser.get(userId) ?? 0);
  }

  private refuse(cap: "user" | "process", limit: number): StreamSlot {
    metrics().sseStreamsRefused.inc({ cap });
    return { ok: false, cap, limit };
  }
}

const globalForSlots = globalThis as unknown as { lifeboatStreamSlots?: StreamSlots };

/** This app process's stream slots, sized by STREAMS_PER_USER and STREAMS_PER_PROCESS. */
export function appStreamSlots(): StreamSlots {
  globalForSlots.lifeboatStreamSlots ??= new StreamSlots(() => ({
    perUser: env().STREAMS_PER_USER,
    perProcess: env().STREAMS_PER_PROCESS,
  }));
  return globalForSlots.lifeboatStreamSlots;
}
