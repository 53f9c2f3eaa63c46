"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { breakDemoService, restoreDemoService } from "@/lib/demo-fleet/fleet";
import { appJobs } from "@/lib/jobs/app-jobs";
import { demoServiceSchema } from "@/lib/demo-fleet/schemas";
import { saveDrillSchedule } from "@/lib/recovery/drills";
import { createRunbook, updateRunbook } from "@/lib/recovery/runbooks";
import { abortRun, completeStep, retryStep, skipStep, startRun } from "@/lib/recovery/runs";
import {
  abortRunSchema,
  drillScheduleSchema,
  runbookFieldsSchema,
  skipStepSchema,
  startRunSchema,
  stepActionSchema,
  updateRunbookSchema,
} from "@/lib/recovery/schemas";

const edit = actionClient.metadata({ permission: "runbooks.edit" });
const command = actionClient.metadata({ permission: "recovery.command" });
const operate = actionClient.metadata({ permission: "recovery.operate" });
const demo = actionClient.metadata({ permission: "demo.operate" });

const refresh = () => {
  revalidatePath("/runbooks", "layout");
  revalidatePath("/incidents", "layout");
};

/** Adds a runbook with its steps. */
export const createRunbookAction = edit.inputSchema(runbookFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const runbook = await createRunbook(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(runbookFieldsSchema, e),
  );
  refresh();
  return { id: runbook.id };
});

/** Saves a runbook whole (runs in progress keep the steps they started with). */
export const updateRunbookAction = edit.inputSchema(updateRunbookSchema).action(async ({ parsedInput, ctx }) => {
  const runbook = await updateRunbook(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(runbookFieldsSchema, e),
  );
  refresh();
  return { id: runbook.id, version: runbook.version };
});

/** Schedules (or unschedules) drills of a runbook. */
export const saveDrillScheduleAction = edit.inputSchema(drillScheduleSchema).action(async ({ parsedInput, ctx }) => {
  await saveDrillSchedule(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(drillScheduleSchema, e));
  refresh();
  return { ok: true };
});

/** Starts a runbook for an incident, or as a drill without one. Starting twice gives the same run. */
export const startRecoveryAction = command.inputSchema(startRunSchema).action(async ({ parsedInput, ctx }) => {
  const run = await startRun(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(startRunSchema, e),
  );
  refresh();
  return run;
});

/** Ticks a manual step. */
export const tickStepAction = operate.inputSchema(stepActionSchema).action(async ({ parsedInput, ctx }) => {
  await completeStep(ctx.db, await appJobs(), ctx.actor, parsedInput, "manual");
  refresh();
  return { ok: true };
});

/** Approves a gate: the commander's call. */
export const approveStepAction = command.inputSchema(stepActionSchema).action(async ({ parsedInput, ctx }) => {
  await completeStep(ctx.db, await appJobs(), ctx.actor, parsedInput, "approval");
  refresh();
  return { ok: true };
});

export const retryStepAction = command.inputSchema(stepActionSchema).action(async ({ parsedInput, ctx }) => {
  await retryStep(ctx.db, await appJobs(), ctx.actor, parsedInput);
  refresh();
  return { ok: true };
});

export const skipStepAction = command.inputSchema(skipStepSchema).action(async ({ parsedInput, ctx }) => {
  await skipStep(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) => rethrowOnField(skipStepSchema, e));
  refresh();
  return { ok: true };
});

export const abortRunAction = command.inputSchema(abortRunSchema).action(async ({ parsedInput, ctx }) => {
  await abortRun(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(abortRunSchema, e));
  refresh();
  return { ok: true };
});

/** Breaks a simulated service (and raises its alert, which opens an incident). */
export const breakDemoAction = demo.inputSchema(demoServiceSchema).action(async ({ parsedInput, ctx }) => {
  const result = await breakDemoService(ctx.db, await appJobs(), ctx.actor, parsedInput);
  refresh();
  revalidatePath("/command");
  return result;
});

export const restoreDemoAction = demo
  .inputSchema(demoServiceSchema.pick({ slug: true }))
  .action(async ({ parsedInput, ctx }) => {
    await restoreDemoService(ctx.db, ctx.actor, parsedInput);
    refresh();
    return { ok: true };
  });
