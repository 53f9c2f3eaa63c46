// Workers for one queue. pg-boss polls: a worker that finishes a job would otherwise wait out its poll
// interval before fetching the next one, capping a busy queue at (workers ÷ interval) jobs a second. Each
// worker here wakes itself after a job, so a backlog drains at the speed of the work; and all of a queue's
// workers are woken the moment a job for them commits (nudge, called by the wake listener: wake.ts).
import type PgBoss from "pg-boss";
import type { QueueName } from "./boss";

type Pool = { boss: PgBoss; ids: string[] };
const globalForPools = globalThis as unknown as { lifeboatWorkerPools?: Map<QueueName, Pool> };
const pools = (): Map<QueueName, Pool> => (globalForPools.lifeboatWorkerPools ??= new Map());

export async function workPool<T extends object>(
  boss: PgBoss,
  queue: QueueName,
  size: number,
  pollingIntervalSeconds: number,
  handler: (data: T) => Promise<void>,
) {
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    let id = "";
    id = await boss.work<T>(queue, { pollingIntervalSeconds }, async ([job]) => {
      try {
        await handler(job!.data);
      } finally {
        // More may be waiting: fetch again at once rather than after the poll interval.
        boss.notifyWorker(id);
      }
    });
    ids.push(id);
  }
  pools().set(queue, { boss, ids });
}

/** Wakes this process's workers of a queue (a job for them has committed); a no-op without any. */
export function nudge(queue: QueueName) {
  const pool = pools().get(queue);
  pool?.ids.forEach((id) => pool.boss.notifyWorker(id));
}

export function forgetPool(queue: QueueName) {
  pools().delete(queue);
}
