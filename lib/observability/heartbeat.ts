// Job worker heartbeats: each worker process (inline in an app process, or `npm run worker`) upserts its row
// of "WorkerHeartbeat" every 10 s, so /api/ready and /api/metrics can tell that a worker is alive even when
// it runs elsewhere (WORKER=off here). Timestamps are UTC wall-clock times, like every other column.
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db, Reader } from "@/lib/db/client";
import { logger } from "@/lib/log";

const HEARTBEAT_INTERVAL_MS = 10_000;
/** Three missed beats: the worker is taken for dead. */
export const HEARTBEAT_STALE_SECONDS = 30;
/** Rows of workers gone this long are deleted by the next beat of any worker. */
const FORGET_AFTER = "1 day";

const globalForWorkers = globalThis as unknown as { lifeboatLocalWorkers?: Map<string, Date> };
const localWorkers = () => (globalForWorkers.lifeboatLocalWorkers ??= new Map());

/** Is a job worker running in this process (started and not stopped)? */
export function localWorkerRunning(): boolean {
  return localWorkers().size > 0;
}

/** Starts beating for a worker of this process; returns the function that stops it and deletes its row. */
export async function startHeartbeat(db: Db, intervalMs = HEARTBEAT_INTERVAL_MS): Promise<() => Promise<void>> {
  const host = os.hostname().slice(0, 100);
  const id = `${host}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let failing = false;
  const beat = async () => {
    try {
      await db.$executeRaw`
        INSERT INTO "WorkerHeartbeat" (id, host, pid, "startedAt", "seenAt") VALUES (${id}, ${host}, ${process.pid}, timezone('UTC', now()), timezone('UTC', now()))
        ON CONFLICT (id) DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
      await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < timezone('UTC', now()) - ${FORGET_AFTER}::interval`;
      if (failing) logger.info({}, "worker heartbeat recorded again");
      failing = false;
    } catch (error) {
      // Once per outage, not every 10 s.
      if (!failing)
        logger.warn({ reason: (error as Error).message.split("\n")[0] }, "worker heartbeat could not be recorded");
      failing = true;
    }
  };
  localWorkers().set(id, new Date());
  await beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    localWorkers().delete(id);
    await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE id = ${id}`.catch(() => {});
  };
}

export type WorkerLiveness = { alive: number; newestAgeSeconds: number | null };

/** How many workers beat recently, and how long ago the newest beat was (null: none ever did). */
export async function workerLiveness(db: Reader): Promise<WorkerLiveness> {
  const rows = await db.$queryRaw<{ alive: number; age: number | null }[]>`
    SELECT count(*) FILTER (WHERE "seenAt" > timezone('UTC', now()) - make_interval(secs => ${HEARTBEAT_STALE_SECONDS}))::int AS alive,
           EXTRACT(EPOCH FROM (timezone('UTC', now()) - max("seenAt")))::float8 AS age
    FROM "WorkerHeartbeat"`;
  const row = rows[0];
  return {
    alive: row?.alive ?? 0,
    newestAgeSeconds: row?.age === null || row?.age === undefined ? null : Math.max(0, row.age),
  };
}
