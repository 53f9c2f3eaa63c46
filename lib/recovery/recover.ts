// After a crash. A step whose lease ran out lost its worker mid-step. Safe to repeat: it runs again.
// Not safe: we cannot know whether it took effect, so it is never run again silently — it fails as
// "interrupted" and the run pauses for the commander (retry, skip, abort). Steps this very process still
// holds (engine.ts: stepsHeldHere) are alive whatever their lease says and are left alone.
import type { Db } from "@/lib/db/client";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { queueAdvance, stepLabel, stepsHeldHere } from "./engine";
import { tellRun, type RunRef } from "./record";

const WORKER = "recovery worker";

export async function recoverInterruptedSteps(db: Db, jobs: JobSink) {
  return db.$transaction(async (tx) => {
    const stale = await tx.$queryRaw<
      { id: string; runId: string; position: number; title: string; kind: string; safeToRepeat: boolean }[]
    >`
      SELECT id, "runId", position, title, kind::text, "safeToRepeat" FROM "StepRun"
      WHERE state = 'running' AND "leaseUntil" < now() AND NOT (id = ANY(${stepsHeldHere()})) FOR UPDATE SKIP LOCKED LIMIT 100`;
    for (const step of stale) {
      const run = (await tx.recoveryRun.findUniqueOrThrow({
        where: { id: step.runId },
        select: { id: true, incidentId: true, runbookName: true, drill: true },
      })) as RunRef;
      if (step.safeToRepeat) {
        await tx.stepRun.update({
          where: { id: step.id },
          data: { state: "pending", leaseUntil: null, version: { increment: 1 } },
        });
        await tellRun(tx, run, [
          {
            actor: WORKER,
            message: `${stepLabel(step)} was interrupted (its worker stopped). It is safe to repeat: running it again.`,
            data: { stepId: step.id, state: "pending" },
          },
        ]);
        await queueAdvance(tx, jobs, run.id);
      } else {
        await tx.stepRun.update({
          where: { id: step.id },
          data: {
            state: "failed",
            leaseUntil: null,
            finishedAt: new Date(),
            error:
              "Interrupted: the worker stopped during this step. It is not marked safe to repeat, so it was not run again — check whether it took effect, then retry or skip it.",
            version: { increment: 1 },
          },
        });
        await tx.recoveryRun.update({ where: { id: run.id }, data: { state: "paused", version: { increment: 1 } } });
        await tellRun(tx, run, [
          {
            actor: WORKER,
            message: `${stepLabel(step)} was interrupted (its worker stopped) and is not safe to repeat: the run is paused for the commander.`,
            data: { stepId: step.id, state: "failed" },
          },
        ]);
      }
    }
    return stale.length;
  });
}

/**
 * Runs that should be moving but have no step in flight and no job queued or being worked (their job was
 * lost): queued again. A run whose job merely waits its turn is left alone, so a backlog is not doubled.
 */
export async function requeueIdleRuns(db: Db, jobs: JobSink) {
  const idle = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "RecoveryRun" r
    WHERE r.state = 'running'
      AND NOT EXISTS (SELECT 1 FROM "StepRun" s WHERE s."runId" = r.id AND s.state = 'running')
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${QUEUES.recovery} AND j.state IN ('created', 'retry', 'active') AND j.data->>'runId' = r.id)
    LIMIT 200`;
  if (idle.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const run of idle) await queueAdvance(tx, jobs, run.id);
  });
  return idle.length;
}
