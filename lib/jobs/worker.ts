// The job worker: runs escalation pages and matrix notifications. Inside the app process by default
// (WORKER=inline), or alone with `npm run worker`. Several workers may run: pg-boss hands each job to one,
// and firing a page claims it in the database first, so nothing is sent twice.
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { fireDueEscalations, sweepDueEscalations } from "@/lib/incidents/escalation";
import { sendMatrixNotifications, type NotifyJob } from "@/lib/incidents/notify";
import { QUEUES } from "./boss";

/** A lost job or a worker that was down cannot leave a due page unsent for longer than this. */
const SWEEP_MS = 30_000;

export async function startWorker(db: Db, boss: PgBoss, options: { pollingIntervalSeconds?: number } = {}) {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  await boss.work<{ incidentId: string }>(QUEUES.escalation, polling, async ([job]) => {
    await fireDueEscalations(db, job!.data.incidentId);
  });
  await boss.work<NotifyJob>(QUEUES.notify, polling, async ([job]) => {
    await sendMatrixNotifications(db, job!.data);
  });
  const sweep = () => sweepDueEscalations(db).catch((error) => logger.warn({ err: error }, "escalation sweep failed"));
  await sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  logger.info({}, "job worker started");
  return async () => {
    clearInterval(timer);
    await boss.offWork(QUEUES.escalation);
    await boss.offWork(QUEUES.notify);
  };
}
