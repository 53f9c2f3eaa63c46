// Durable jobs on pg-boss, in the same Postgres. Jobs are enqueued inside the transaction that makes them
// necessary (an incident opens → its escalation timers), so either both exist or neither does.
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { wakeAfterCommit } from "./wake";

export const QUEUES = {
  /** Fire the escalation pages of one incident that are due. */
  escalation: "incident-escalation",
  /** Send the notification-matrix messages for one incident event. */
  notify: "incident-notify",
  /** Run whatever a recovery run can do next. */
  recovery: "recovery-advance",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const connectionStrings = new WeakMap<PgBoss, string>();

/** The database a boss works on (its workers LISTEN there for committed jobs: wake.ts). */
export const bossConnectionString = (boss: PgBoss) => connectionStrings.get(boss);

export function createBoss(connectionString: string) {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    application_name: "lifeboat-jobs",
    max: 4,
    // Jobs that fail are retried with backoff before they are left as failed.
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  });
  // Without a listener, pg-boss's own error event throws and its workers stop polling for good after the
  // first database blip. Logged, the workers keep polling and recover when the database is back.
  boss.on("error", (error) => logger.warn({ reason: error.message }, "job queue error (retrying)"));
  connectionStrings.set(boss, connectionString);
  return boss;
}

/** Creates pg-boss's schema (first start) and our queues; safe to call from every process. */
export async function startBoss(boss: PgBoss) {
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}

const globalForBoss = globalThis as unknown as { lifeboatBoss?: Promise<PgBoss> };

/** The process's started pg-boss (created on first use). */
export function getBoss(connectionString: string): Promise<PgBoss> {
  globalForBoss.lifeboatBoss ??= startBoss(createBoss(connectionString)).catch((error) => {
    globalForBoss.lifeboatBoss = undefined;
    throw error;
  });
  return globalForBoss.lifeboatBoss;
}

export type EnqueueOptions = { startAfter?: Date };

/**
 * Enqueues a job in the caller's transaction (pg-boss's `db` option over Prisma's connection), and wakes the
 * queue's workers once that transaction commits when the job is due now (wake.ts); a job for later waits for
 * its poll. Refuses loudly when the queue does not exist, instead of pg-boss's silent null.
 */
async function enqueueInTx(tx: Tx, boss: PgBoss, name: QueueName, data: object, options: EnqueueOptions = {}) {
  const db = {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<{ id: string }[]>(text, ...values.map((v) => (v === undefined ? null : v))),
    }),
  };
  // pg-boss hands `data` to Postgres as a parameter cast to jsonb: pass it as JSON text.
  const id = await boss.send(name, JSON.stringify(data) as unknown as object, { ...options, db });
  if (!id) throw new Error(`Job queue ${name} does not exist (pg-boss not started?)`);
  if (!options.startAfter || options.startAfter.getTime() <= Date.now()) await wakeAfterCommit(tx, name);
  return id;
}

/** Where domain code puts jobs; tests pass a real boss on their own database. */
export type JobSink = { enqueue(tx: Tx, queue: QueueName, data: object, options?: EnqueueOptions): Promise<unknown> };

export const bossSink = (boss: PgBoss): JobSink => ({
  enqueue: (tx, queue, data, options) => enqueueInTx(tx, boss, queue, data, options),
});
