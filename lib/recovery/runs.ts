// Starting runs and what people do to them: tick a manual step, approve a gate, retry or skip a failed
// step, abort. Each is one transaction with its audit event and timeline line, and queues the engine.
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { timelineActor } from "@/lib/incidents/actor";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { checkedServices, coverageOf } from "./coverage";
import { finishRun, queueAdvance, stepLabel } from "./engine";
import { lockRun, tellRun, type RunRef } from "./record";
import { isPersonStep } from "./steps";

const who = (actor: AuditActor) => timelineActor(actor).name;

/**
 * Starts a runbook for an incident (or as a drill when there is no incident). Idempotent: double clicks,
 * two commanders at once or a retried request get the one run that exists for this runbook and incident
 * (the unique index decides), or the one drill of this runbook still in progress.
 */
async function coversAnyAffected(
  tx: Tx,
  runbook: { systemId: string; steps: { kind: string; serviceIds: string[] }[] },
  incidentId: string,
) {
  const [affected, systemServices] = await Promise.all([
    tx.incidentService.findMany({ where: { incidentId }, select: { serviceId: true } }),
    tx.service.findMany({ where: { systemId: runbook.systemId }, select: { id: true } }),
  ]);
  const coverage = coverageOf(
    {
      id: "",
      name: "",
      checkedServiceIds: checkedServices(runbook.steps),
      systemServiceIds: systemServices.map((s) => s.id),
    },
    affected.map((a) => a.serviceId),
  );
  return coverage.covered.length > 0;
}

export async function startRun(
  db: Db,
  jobs: JobSink,
  actor: AuditActor,
  input: { runbookId: string; incidentId?: string; confirmUncovered?: boolean },
) {
  return db.$transaction(async (tx) => {
    const runbook = await tx.runbook.findUnique({
      where: { id: input.runbookId },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    if (!runbook)
      throw new AppError("VALIDATION", { userMessage: "That runbook does not exist (any more).", field: "runbookId" });
    if (runbook.steps.length === 0)
      throw new AppError("VALIDATION", { userMessage: "That runbook has no steps yet.", field: "runbookId" });
    const drill = !input.incidentId;
    if (input.incidentId) {
      const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { status: true } });
      if (!incident)
        throw new AppError("VALIDATION", {
          userMessage: "That incident does not exist (any more).",
          field: "incidentId",
        });
      if (incident.status === "resolved")
        throw new AppError("VALIDATION", {
          userMessage: "The incident is resolved: re-open it before starting a recovery.",
          field: "incidentId",
        });
      // Checked here, not only in the form: a stale page or a hand-made request must not start the wrong recovery.
      if (!input.confirmUncovered && !(await coversAnyAffected(tx, runbook, input.incidentId)))
        throw new AppError("VALIDATION", {
          userMessage: "This runbook covers none of the incident's affected services. Confirm to start it anyway.",
          field: "confirmUncovered",
        });
    } else {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`drill:${runbook.id}`}, 0))`;
    }
    const existing = await tx.recoveryRun.findFirst({
      where: drill
        ? { runbookId: runbook.id, drill: true, state: { in: ["running", "waiting", "paused"] } }
        : { runbookId: runbook.id, incidentId: input.incidentId },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    // ON CONFLICT: a concurrent start of the same runbook for the same incident waits here, then finds the row.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RecoveryRun" (id, "runbookId", "incidentId", drill, "runbookVersion", "runbookName", "startedById", "startedBy")
      VALUES (gen_random_uuid()::text, ${runbook.id}, ${input.incidentId ?? null}, ${drill}, ${runbook.version}, ${runbook.name}, ${"id" in actor ? actor.id : null}, ${who(actor)})
      ON CONFLICT ("runbookId", "incidentId") DO NOTHING RETURNING id`;
    if (!inserted[0]) {
      const run = await tx.recoveryRun.findFirstOrThrow({
        where: { runbookId: runbook.id, incidentId: input.incidentId },
        select: { id: true },
      });
      return { id: run.id, created: false };
    }
    const runId = inserted[0].id;
    // The run keeps the steps as they are now: later runbook edits do not change it.
    await tx.stepRun.createMany({
      data: runbook.steps.map((s) => ({
        runId,
        position: s.position,
        group: s.group,
        title: s.title,
        kind: s.kind,
        config: s.config ?? {},
        timeoutSeconds: s.timeoutSeconds,
        retries: s.retries,
        safeToRepeat: s.safeToRepeat,
        serviceIds: s.serviceIds,
      })),
    });
    await recordAudit(tx, {
      actor,
      action: drill ? "drill.start" : "recovery.start",
      entityType: "RecoveryRun",
      entityId: runId,
      after: { runbookId: runbook.id, runbookVersion: runbook.version, incidentId: input.incidentId ?? null, drill },
    });
    await queueAdvance(tx, jobs, runId);
    if (input.incidentId)
      await jobs.enqueue(tx, QUEUES.notify, {
        incidentId: input.incidentId,
        event: "recovery_started",
        text: `Runbook: ${runbook.name}`,
      });
    const run: RunRef = { id: runId, incidentId: input.incidentId ?? null, runbookName: runbook.name, drill };
    await tellRun(tx, run, [
      {
        kind: "recovery_run",
        actor: who(actor),
        message: `Recovery started: runbook "${runbook.name}" (version ${runbook.version}, ${runbook.steps.length} steps).`,
        public: true,
        data: { state: "running" },
      },
    ]);
    return { id: runId, created: true };
  });
}

async function lockStep(tx: Tx, input: { runId: string; stepId: string }) {
  const run = await lockRun(tx, input.runId);
  if (!run) throw new AppError("NOT_FOUND", { userMessage: "That recovery run no longer exists." });
  const step = await tx.stepRun.findFirst({ where: { id: input.stepId, runId: input.runId } });
  if (!step) throw new AppError("NOT_FOUND", { userMessage: "That step is not part of this run." });
  return { run, step };
}

function refuse(message: string): never {
  throw new AppError("CONFLICT", { userMessage: message });
}

/**
 * A person did a manual step, or ran a disabled command by hand (kind "manual": any person step but an
 * approval), or approved a gate (kind "approval").
 */
export async function completeStep(
  db: Db,
  jobs: JobSink,
  actor: AuditActor,
  input: { runId: string; stepId: string; note: string },
  kind: "manual" | "approval",
) {
  return db.$transaction(async (tx) => {
    const { run, step } = await lockStep(tx, input);
    const fits = kind === "approval" ? step.kind === "approval" : step.kind !== "approval" && isPersonStep(step);
    if (!fits) refuse(kind === "approval" ? "That step is not an approval." : "That step is not a manual step.");
    if (step.state !== "waiting")
      refuse(
        step.state === "succeeded"
          ? `${stepLabel(step)} is already done (by ${step.actedBy ?? "someone"}).`
          : `${stepLabel(step)} is not waiting for anyone now.`,
      );
    await tx.stepRun.update({
      where: { id: step.id },
      data: {
        state: "succeeded",
        actedBy: who(actor),
        reason: input.note || null,
        finishedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (run.state === "waiting")
      await tx.recoveryRun.update({ where: { id: run.id }, data: { state: "running", version: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: kind === "approval" ? "recovery.approve" : "recovery.tick",
      entityType: "StepRun",
      entityId: step.id,
      after: { runId: run.id, position: step.position, note: input.note },
    });
    await tellRun(tx, run, [
      {
        actor: who(actor),
        message: `${stepLabel(step)} ${kind === "approval" ? "approved" : "done"} by ${who(actor)}.${input.note ? ` ${input.note}` : ""}`,
        data: { stepId: step.id, state: "succeeded" },
      },
    ]);
    await queueAdvance(tx, jobs, run.id);
  });
}

/** Runs a failed (or interrupted) step again: the commander's decision, never the worker's. */
export async function retryStep(db: Db, jobs: JobSink, actor: AuditActor, input: { runId: string; stepId: string }) {
  return db.$transaction(async (tx) => {
    const { run, step } = await lockStep(tx, input);
    if (step.state !== "failed") refuse(`${stepLabel(step)} has not failed: nothing to retry.`);
    // An abort leaves failed steps as they are: retrying one must not bring the run back to life.
    if (["succeeded", "failed", "cancelled"].includes(run.state)) refuse("This run is over.");
    await tx.stepRun.update({
      where: { id: step.id },
      data: { state: "pending", error: null, actedBy: who(actor), version: { increment: 1 } },
    });
    await tx.recoveryRun.update({ where: { id: run.id }, data: { state: "running", version: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: "recovery.retry",
      entityType: "StepRun",
      entityId: step.id,
      after: { runId: run.id, position: step.position },
    });
    await tellRun(tx, run, [
      {
        actor: who(actor),
        message: `${stepLabel(step)}: ${who(actor)} asked to run it again.`,
        data: { stepId: step.id, state: "pending" },
      },
    ]);
    await queueAdvance(tx, jobs, run.id);
  });
}

/** Skips a failed or waiting step, with the reason on the record. */
export async function skipStep(
  db: Db,
  jobs: JobSink,
  actor: AuditActor,
  input: { runId: string; stepId: string; reason: string },
) {
  return db.$transaction(async (tx) => {
    const { run, step } = await lockStep(tx, input);
    if (!["failed", "waiting", "pending"].includes(step.state))
      refuse(`${stepLabel(step)} is ${step.state}: it cannot be skipped now.`);
    if (["succeeded", "failed", "cancelled"].includes(run.state)) refuse("This run is over.");
    await tx.stepRun.update({
      where: { id: step.id },
      data: {
        state: "skipped",
        actedBy: who(actor),
        reason: input.reason,
        finishedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.recoveryRun.update({ where: { id: run.id }, data: { state: "running", version: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: "recovery.skip",
      entityType: "StepRun",
      entityId: step.id,
      after: { runId: run.id, position: step.position, reason: input.reason },
    });
    await tellRun(tx, run, [
      {
        actor: who(actor),
        message: `${stepLabel(step)} skipped by ${who(actor)}: ${input.reason}`,
        data: { stepId: step.id, state: "skipped" },
      },
    ]);
    await queueAdvance(tx, jobs, run.id);
  });
}

export async function abortRun(db: Db, actor: AuditActor, input: { runId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (!run) throw new AppError("NOT_FOUND", { userMessage: "That recovery run no longer exists." });
    if (["succeeded", "failed", "cancelled"].includes(run.state)) refuse("This run is already over.");
    await tx.stepRun.updateMany({
      where: { runId: run.id, state: { in: ["pending", "waiting", "running"] } },
      data: { state: "cancelled", leaseUntil: null },
    });
    await recordAudit(tx, {
      actor,
      action: "recovery.abort",
      entityType: "RecoveryRun",
      entityId: run.id,
      after: { reason: input.reason },
    });
    await finishRun(tx, run, "cancelled", `Recovery run aborted by ${who(actor)}: ${input.reason}`);
  });
}
