// The recovery engine. A run advances batch by batch (a step, or consecutive steps sharing a parallel
// group): claim what can run in one short transaction (run row locked, steps marked running with a lease),
// execute outside any transaction while renewing the lease, record each outcome in its own transaction, go
// on. Person steps (manual, approval, disabled commands: see isPersonStep) park the run as "waiting"; a
// failure parks it as "paused" for the commander (retry, skip, abort). Several workers may call advanceRun
// for one run: the run-row lock and the step states make sure each step attempt is executed by one of them
// only.
import type { Db, Tx } from "@/lib/db/client";
import type { StepState } from "@/lib/generated/prisma/enums";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { retryWhileUnreachable } from "@/lib/db/outage";
import { logger } from "@/lib/log";
import { redactOutput } from "@/lib/security/secrets";
import { executeStep, type StepOutcome } from "./executors";
import { recordVerifiedServices } from "./measure";
import { firstLine, lockRun, tellRun, type RunRef } from "./record";
import { isPersonStep, STEP_KIND_LABELS, type StepKindName } from "./steps";

type EngineOptions = { commandsEnabled: boolean; leaseSeconds: number; baseUrl?: string };
export type Engine = { db: Db; jobs: JobSink; options: EngineOptions };

type StepRow = {
  id: string;
  position: number;
  group: number | null;
  title: string;
  kind: StepKindName;
  config: unknown;
  timeoutSeconds: number;
  retries: number;
  safeToRepeat: boolean;
  serviceIds: string[];
  state: StepState;
  attempts: number;
};

const DONE: readonly StepState[] = ["succeeded", "skipped"];
const WORKER = "recovery worker";

export const stepLabel = (step: { position: number; title: string; kind: string }) =>
  `Step ${step.position} (${STEP_KIND_LABELS[step.kind as keyof typeof STEP_KIND_LABELS] ?? step.kind}) "${step.title}"`;

/** The batch that comes next: the first unfinished step, with the rest of its parallel group. */
export function nextBatch<S extends { position: number; group: number | null; state: StepState }>(
  steps: readonly S[],
): S[] {
  const sorted = [...steps].sort((a, b) => a.position - b.position);
  const first = sorted.findIndex((s) => !DONE.includes(s.state));
  if (first < 0) return [];
  const head = sorted[first]!;
  if (head.group === null) return [head];
  const batch: S[] = [];
  for (let i = first; i < sorted.length && sorted[i]!.group === head.group; i++) batch.push(sorted[i]!);
  return batch;
}

const waitingFor = (step: StepRow) =>
  step.kind === "approval"
    ? "the commander's approval"
    : step.kind === "command"
      ? "a person to run the command by hand (it is disabled) and tick it"
      : "a person to do it and tick it";

type Claim = { run: RunRef; steps: StepRow[] } | null;

async function claim(engine: Engine, runId: string): Promise<Claim> {
  return engine.db.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run || run.state !== "running") return null;
    const steps = (await tx.stepRun.findMany({ where: { runId }, orderBy: { position: "asc" } })) as StepRow[];
    const batch = nextBatch(steps);
    if (batch.length === 0) {
      await finishRun(tx, run, "succeeded", "Recovery run finished: every step succeeded or was skipped.");
      return null;
    }
    if (batch.some((s) => s.state === "failed")) {
      await tx.recoveryRun.update({ where: { id: runId }, data: { state: "paused", version: { increment: 1 } } });
      return null;
    }
    const people = batch.filter((s) => s.state === "pending" && isPersonStep(s));
    const automatic = batch.filter((s) => s.state === "pending" && !isPersonStep(s));
    if (people.length) {
      await tx.stepRun.updateMany({
        where: { id: { in: people.map((s) => s.id) } },
        data: { state: "waiting", startedAt: new Date(), version: { increment: 1 } },
      });
      await tellRun(
        tx,
        run,
        people.map((s) => ({
          actor: WORKER,
          message: `${stepLabel(s)} is waiting for ${waitingFor(s)}.`,
          data: { stepId: s.id, state: "waiting" },
        })),
      );
    }
    if (automatic.length) {
      await tx.$executeRaw`
        UPDATE "StepRun" SET state = 'running', attempts = attempts + 1, "startedAt" = now(), version = version + 1,
          "leaseUntil" = now() + ${engine.options.leaseSeconds} * interval '1 second'
        WHERE id = ANY(${automatic.map((s) => s.id)})`;
      await tellRun(
        tx,
        run,
        automatic.map((s) => ({
          actor: WORKER,
          message: `${stepLabel(s)} started${s.attempts ? ` (attempt ${s.attempts + 1})` : ""}.`,
          data: { stepId: s.id, state: "running" },
        })),
      );
      return { run, steps: automatic.map((s) => ({ ...s, attempts: s.attempts + 1, state: "running" as const })) };
    }
    // Nothing automatic to do in this batch: it waits for people (or for steps another worker runs).
    if (batch.some((s) => s.state === "waiting" || (s.state === "pending" && isPersonStep(s)))) {
      await tx.recoveryRun.update({ where: { id: runId }, data: { state: "waiting", version: { increment: 1 } } });
    }
    return null;
  });
}

export async function finishRun(tx: Tx, run: RunRef, state: "succeeded" | "failed" | "cancelled", message: string) {
  await tx.recoveryRun.update({
    where: { id: run.id },
    data: { state, finishedAt: new Date(), version: { increment: 1 } },
  });
  if (run.drill && state === "succeeded") {
    const runbook = await tx.recoveryRun.findUniqueOrThrow({ where: { id: run.id }, select: { runbookId: true } });
    await tx.$executeRaw`
      UPDATE "DrillSchedule" SET "lastRunAt" = now(), "nextDueAt" = now() + "everyDays" * interval '1 day', version = version + 1, "updatedAt" = now()
      WHERE "runbookId" = ${runbook.runbookId}`;
  }
  await tellRun(tx, run, [
    { kind: "recovery_run", actor: WORKER, message, public: state === "succeeded", data: { state } },
  ]);
}

/** Runs the step with its lease renewed every third of the lease, so a live worker never looks dead. */
async function executeWithLease(engine: Engine, step: StepRow): Promise<StepOutcome> {
  const stopped = new AbortController();
  const renew = setInterval(
    () => {
      engine.db
        .$executeRaw`UPDATE "StepRun" SET "leaseUntil" = now() + ${engine.options.leaseSeconds} * interval '1 second' WHERE id = ${step.id} AND state = 'running'`
        // Not running any more (the run was aborted): stop the work instead of finishing it for nobody.
        .then((renewed) => renewed === 0 && stopped.abort())
        .catch((error) =>
          logger.warn({ reason: (error as Error).message, stepId: step.id }, "could not renew a step lease"),
        );
    },
    (engine.options.leaseSeconds * 1000) / 3,
  );
  let timeout: NodeJS.Timeout | undefined;
  try {
    // A retry waits a little longer each time (1 s, 2 s, 4 s… at most 30 s): a flapping target gets room.
    if (step.attempts > 1)
      await new Promise<void>((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** (step.attempts - 2), 30_000)));
    if (stopped.signal.aborted) return { ok: false, output: "", error: "Stopped: the run was aborted" };
    // One controller for both ends (timeout, abort) with a plain timer: on Node 20 a signal from
    // AbortSignal.any over AbortSignal.timeout can be collected before it fires, and the step never times out.
    timeout = setTimeout(() => stopped.abort(), step.timeoutSeconds * 1000);
    return await executeStep(step, {
      commandsEnabled: engine.options.commandsEnabled,
      signal: stopped.signal,
      baseUrl: engine.options.baseUrl,
    });
  } finally {
    clearTimeout(timeout);
    clearInterval(renew);
  }
}

async function record(engine: Engine, run: RunRef, step: StepRow, outcome: StepOutcome) {
  await engine.db.$transaction(async (tx) => {
    // Still ours? An abort, or a recovery after a lost lease, may have moved the step on meanwhile.
    const current = await tx.$queryRaw<
      { state: string; attempts: number }[]
    >`SELECT state::text, attempts FROM "StepRun" WHERE id = ${step.id} FOR UPDATE`;
    if (current[0]?.state !== "running" || current[0].attempts !== step.attempts) return;
    // Every role reads (and is streamed) the timeline: its line has credentials hidden; the step keeps it all.
    if (outcome.ok) {
      await tx.stepRun.update({
        where: { id: step.id },
        data: {
          state: "succeeded",
          output: outcome.output,
          error: null,
          finishedAt: new Date(),
          leaseUntil: null,
          version: { increment: 1 },
        },
      });
      await tellRun(tx, run, [
        {
          actor: WORKER,
          message: `${stepLabel(step)} succeeded: ${redactOutput(firstLine(outcome.output))}`,
          data: { stepId: step.id, state: "succeeded" },
        },
      ]);
      if (step.kind === "healthcheck" && step.serviceIds.length) await recordVerifiedServices(tx, run, step.serviceIds);
      return;
    }
    const retrying = step.attempts <= step.retries;
    await tx.stepRun.update({
      where: { id: step.id },
      data: {
        state: retrying ? "pending" : "failed",
        output: outcome.output,
        error: outcome.error ?? "failed",
        finishedAt: retrying ? null : new Date(),
        leaseUntil: null,
        version: { increment: 1 },
      },
    });
    if (!retrying)
      await tx.recoveryRun.update({ where: { id: run.id }, data: { state: "paused", version: { increment: 1 } } });
    await tellRun(tx, run, [
      {
        actor: WORKER,
        message: retrying
          ? `${stepLabel(step)} attempt ${step.attempts} of ${step.retries + 1} failed: ${redactOutput(outcome.error ?? "")}. Trying again.`
          : `${stepLabel(step)} failed: ${redactOutput(outcome.error ?? "")}. The run is paused: retry, skip (with a reason) or abort.`,
        data: { stepId: step.id, state: retrying ? "retrying" : "failed" },
      },
    ]);
  });
}

// Steps this process is executing or still recording. Its own sweep (recover.ts) never takes them for a dead
// worker's: after a database outage longer than what was left of a lease, the sweep could otherwise fail a
// step whose worker is alive and about to record its outcome. Other processes go by the lease alone.
const globalForSteps = globalThis as unknown as { lifeboatStepsHeld?: Set<string> };
const held = () => (globalForSteps.lifeboatStepsHeld ??= new Set());

/** Ids of the steps this process is running or recording now. */
export const stepsHeldHere = (): string[] => [...held()];

/** Does everything the run can do now, then returns (waiting for people, paused, or finished). */
export async function advanceRun(engine: Engine, runId: string) {
  for (;;) {
    // A database outage between steps waits here rather than failing the job: pg-boss could not record
    // that failure either, and the job would sit "active" (blocking requeueIdleRuns) until it expired.
    const claimed = await retryWhileUnreachable(() => claim(engine, runId), {
      what: `claiming the next steps of run ${runId}`,
    });
    if (!claimed) return;
    await Promise.all(
      claimed.steps.map(async (step) => {
        held().add(step.id);
        try {
          const outcome = await executeWithLease(engine, step);
          // The step's own outcome, recorded once the database is back: a brief outage must neither lose it
          // (leaving the step "running" until its lease ran out and it was taken for interrupted) nor count
          // as the step failing. Recording again is safe: record() only moves a step still running this attempt.
          await retryWhileUnreachable(() => record(engine, claimed.run, step, outcome), {
            what: `recording the outcome of step ${step.id}`,
          });
        } finally {
          held().delete(step.id);
        }
      }),
    );
  }
}

/** Queues an advance (after the caller's transaction commits, with it). */
export const queueAdvance = (tx: Tx, jobs: JobSink, runId: string) => jobs.enqueue(tx, QUEUES.recovery, { runId });
