// The job worker: runs escalation pages and matrix notifications. Inside the app process by default
// (WORKER=inline), or alone with `npm run worker`. Several workers may run: pg-boss hands each job to one,
// and firing a page claims it in the database first, so nothing is sent twice.
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { fireDueEscalations, sweepDueEscalations } from "@/lib/incidents/escalation";
import { sendMatrixNotifications, type NotifyJob } from "@/lib/incidents/notify";
import { sendHandoffNotices } from "@/lib/incidents/handoff-notices";
import { env } from "@/lib/env";
import { advanceRun, type Engine } from "@/lib/recovery/engine";
import { recoverInterruptedSteps, requeueIdleRuns } from "@/lib/recovery/recover";
import { startBreakglassWriter } from "@/lib/breakglass/write";
import { startHeartbeat } from "@/lib/observability/heartbeat";
import { bossConnectionString, bossSink, QUEUES, type QueueName } from "@/lib/jobs/boss";
import { forgetPool, nudge, workPool } from "@/lib/jobs/pool";
import { listenForWakes } from "@/lib/jobs/wake";

/** A lost job or a worker that was down cannot leave a due page unsent for longer than this. */
const SWEEP_MS = 30_000;
/** How often schedules are checked for handoffs to tell (a notice comes at most this late). */
const HANDOFF_MS = 60_000;
/** How often interrupted recovery steps are looked for (a dead worker's lease runs out first). */
const RECOVERY_SWEEP_MS = 5_000;
/** Recovery runs a worker advances at once (each may wait on slow steps). */
const RECOVERY_CONCURRENCY = 8;

function recoveryEngine(db: Db, boss: PgBoss): Engine {
  const e = env();
  return {
    db,
    jobs: bossSink(boss),
    options: {
      commandsEnabled: e.RECOVERY_COMMANDS === "on",
      leaseSeconds: e.RECOVERY_LEASE_SECONDS,
      baseUrl: e.NEXTAUTH_URL,
    },
  };
}

export async function startWorker(db: Db, boss: PgBoss, options: { pollingIntervalSeconds?: number } = {}) {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  const engine = recoveryEngine(db, boss);
  // Several workers on the recovery queue: one slow run must not hold up the others.
  await workPool<{ runId: string }>(
    boss,
    QUEUES.recovery,
    RECOVERY_CONCURRENCY,
    Math.min(polling.pollingIntervalSeconds, 0.5),
    (data) => advanceRun(engine, data.runId),
  );
  const recoverySweep = async () => {
    try {
      await recoverInterruptedSteps(db, engine.jobs);
      await requeueIdleRuns(db, engine.jobs);
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, "recovery sweep failed");
    }
  };
  await recoverySweep();
  const recoveryTimer = setInterval(recoverySweep, RECOVERY_SWEEP_MS);
  recoveryTimer.unref();
  await workPool<{ incidentId: string }>(
    boss,
    QUEUES.escalation,
    2,
    polling.pollingIntervalSeconds,
    async (data) => void (await fireDueEscalations(db, data.incidentId, null, undefined, bossSink(boss))),
  );
  // Notifications wait on slow webhooks and SMTP servers: several at once.
  await workPool<NotifyJob>(
    boss,
    QUEUES.notify,
    4,
    polling.pollingIntervalSeconds,
    async (data) => void (await sendMatrixNotifications(db, data)),
  );
  const sweep = () =>
    sweepDueEscalations(db, bossSink(boss)).catch((error) => logger.warn({ err: error }, "escalation sweep failed"));
  await sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  // Handoff notices: each schedule's handoffs are claimed under its row lock, so several workers are safe.
  const handoffs = () => sendHandoffNotices(db).catch((error) => logger.warn({ err: error }, "handoff notices failed"));
  const handoffTimer = setInterval(handoffs, HANDOFF_MS);
  handoffTimer.unref();
  // The offline pack in BREAKGLASS_DIR follows every change (checked every 30 s; off when unset).
  const stopBreakglass = startBreakglassWriter(db);
  // Jobs committed by any process (an action, an alert, another worker) start at once, not at the next poll.
  const queues = [QUEUES.recovery, QUEUES.escalation, QUEUES.notify];
  const connectionString = bossConnectionString(boss);
  const wakes = connectionString
    ? await listenForWakes(connectionString, (queue) => nudge(queue as QueueName), queues)
    : null;
  // Last, once everything works: /api/ready and /api/metrics read these beats (lib/observability/heartbeat.ts).
  const stopHeartbeat = await startHeartbeat(db);
  logger.info({}, "job worker started");
  return async () => {
    await stopHeartbeat();
    await wakes?.close();
    clearInterval(timer);
    clearInterval(handoffTimer);
    stopBreakglass();
    clearInterval(recoveryTimer);
    for (const queue of queues) {
      forgetPool(queue);
      await boss.offWork(queue);
    }
  };
}
