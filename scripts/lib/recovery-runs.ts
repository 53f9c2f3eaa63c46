// What the database says about recovery runs a benchmark started: when they are over, their steps'
// timings and attempts, and the advance jobs the queue holds for them.
import type { Db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { sleep } from "./fan-out";
import { percentiles } from "./measure";

/** Runs started together, and when the first start began (epoch ms). */
export type Outcome = { runIds: string[]; startedAt: number };

/** Polls until every run is over (or stuck: nothing left running); the runs' states by count. */
export async function settle(db: Db, runIds: string[], timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await db.recoveryRun.groupBy({ by: ["state"], where: { id: { in: runIds } }, _count: true });
    const states = Object.fromEntries(rows.map((r) => [r.state, r._count])) as Record<string, number>;
    if (
      (states.succeeded ?? 0) === runIds.length ||
      (!states.running && !states.waiting) ||
      performance.now() > deadline
    )
      return states;
    await sleep(100);
  }
}

type StepTimes = {
  runId: string;
  runStartedAt: Date;
  runFinishedAt: Date | null;
  runState: string;
  position: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  state: string;
};

/** What the rows say about a set of runs: timings, and whether each step ran once. */
export async function inspect(db: Db, outcome: Outcome) {
  const rows = await db.$queryRaw<StepTimes[]>`
    SELECT r.id AS "runId", r."startedAt" AS "runStartedAt", r."finishedAt" AS "runFinishedAt", r.state::text AS "runState",
           s.position, s."startedAt", s."finishedAt", s.attempts, s.state::text AS state
    FROM "RecoveryRun" r JOIN "StepRun" s ON s."runId" = r.id WHERE r.id = ANY(${outcome.runIds}) ORDER BY r.id, s.position`;
  const byRun = new Map<string, StepTimes[]>();
  for (const row of rows) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), row]);
  const firstStep = new Map([...byRun].map(([id, steps]) => [id, steps[0]!.startedAt?.getTime() ?? Number.NaN]));
  // Engine time between one step's end and the next step's start (claim + the record before it).
  const gaps: number[] = [];
  for (const steps of byRun.values())
    for (let i = 1; i < steps.length; i++)
      if (steps[i]!.startedAt && steps[i - 1]!.finishedAt)
        gaps.push(steps[i]!.startedAt!.getTime() - steps[i - 1]!.finishedAt!.getTime());
  const finished = rows.map((r) => r.runFinishedAt?.getTime() ?? 0);
  const jobs = await db.$queryRaw<{ jobs: number; failed: number }[]>`
    SELECT count(*)::int AS jobs, count(*) FILTER (WHERE state IN ('failed', 'retry') OR retry_count > 0)::int AS failed
    FROM pgboss.job WHERE name = ${QUEUES.recovery} AND data->>'runId' = ANY(${outcome.runIds})`;
  const wallSeconds = (Math.max(...finished) - outcome.startedAt) / 1000;
  return {
    runIds: outcome.runIds,
    runs: byRun.size,
    steps: rows.length,
    succeeded: new Set(rows.filter((r) => r.runState === "succeeded").map((r) => r.runId)).size,
    stepsNotOnce: rows.filter((r) => r.state !== "succeeded" || r.attempts !== 1).length,
    firstStep,
    // From each run's start transaction to its step 1 claim: the time its job waited in the queue.
    queued: percentiles(
      [...byRun.values()].map((steps) => steps[0]!.startedAt!.getTime() - steps[0]!.runStartedAt.getTime()),
    ),
    gap: percentiles(gaps),
    wallSeconds,
    stepsPerSecond: rows.length / wallSeconds,
    runsPerSecond: byRun.size / wallSeconds,
    jobs: jobs[0]!.jobs,
    failedJobs: jobs[0]!.failed,
  };
}

/**
 * Advance jobs still queued for runs that are over: each will cost a worker slot for nothing. Counted, then
 * dropped, so the next measurement starts on an empty queue.
 */
export async function dropStaleJobs(db: Db) {
  return db.$executeRaw`
    DELETE FROM pgboss.job j USING "RecoveryRun" r
    WHERE j.name = ${QUEUES.recovery} AND j.state IN ('created', 'retry') AND r.id = j.data->>'runId' AND r.state <> 'running'`;
}

export async function countStaleJobs(db: Db) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job j JOIN "RecoveryRun" r ON r.id = j.data->>'runId'
    WHERE j.name = ${QUEUES.recovery} AND j.state IN ('created', 'retry') AND r.state <> 'running'`;
  return row!.n;
}

export type Inspected = Awaited<ReturnType<typeof inspect>>;
