// Workers start a job the moment the transaction that queued it commits, not at their next poll. The sink
// NOTIFYs the queue's name inside the enqueuing transaction: Postgres delivers it only once the transaction
// commits (never after a rollback, so a worker is never woken for a job that does not exist) and folds
// repeats within one transaction into one. Each worker process LISTENs on one dedicated connection and wakes
// its own workers of that queue (pool.ts nudge), whichever process queued the job. If the connection drops it
// reconnects and wakes every queue once; until then the workers' polling picks jobs up, as before.
import pg from "pg";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";

export const WAKE_CHANNEL = "lifeboat_jobs";

/** Asks every listening worker process to fetch from `queue` once this transaction commits. */
export async function wakeAfterCommit(tx: Tx, queue: string) {
  await tx.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, ${queue})`;
}

export type WakeListener = { close(): Promise<void> };

/** Listens for committed jobs and calls `wake(queue)` for each; reconnects after `reconnectMs` when dropped. Resolves once listening (or once the first attempt failed: it keeps retrying). */
export async function listenForWakes(
  connectionString: string,
  wake: (queue: string) => void,
  queues: readonly string[],
  reconnectMs = 2_000,
): Promise<WakeListener> {
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let connectedOnce = false;

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, reconnectMs);
    timer.unref();
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString, application_name: "lifeboat-job-wakes" });
    c.on("notification", (message) => {
      if (message.channel === WAKE_CHANNEL && message.payload) wake(message.payload);
    });
    c.on("error", (error) => {
      logger.warn({ reason: error.message }, "job wake connection lost; workers poll until it is back");
      if (client === c) client = null;
      void c.end().catch(() => undefined);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${WAKE_CHANNEL}`);
      if (closed) return void (await c.end());
      client = c;
      // Jobs may have committed while nobody listened: look once.
      if (connectedOnce) queues.forEach(wake);
      connectedOnce = true;
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, "job wake connection failed; retrying");
      void c.end().catch(() => undefined);
      retry();
    }
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
