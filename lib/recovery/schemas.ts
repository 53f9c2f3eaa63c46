// Input schemas for every recovery write (runbooks, drill schedules, runs), with their inferred types. Server
// actions, the plan importer and the forms' tests validate with these.
import { z } from "zod";
import { parseStepConfig, STEP_KINDS } from "./steps";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

const stepInputSchema = z.object({
  title: text(300).min(1, "Give the step a title"),
  kind: z.enum(STEP_KINDS, { error: "Choose a step kind" }),
  group: z.number().int().min(1).max(1000).nullable().default(null),
  timeoutSeconds: z.number().int().min(1, "At least 1 second").max(86_400, "At most a day"),
  retries: z.number().int().min(0).max(10, "At most 10 retries"),
  safeToRepeat: z.boolean().default(false),
  serviceIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  config: z.record(z.string(), z.unknown()).default({}),
});

export const runbookFieldsSchema = z
  .object({
    systemId: z.string().trim().min(1, "Choose a system").max(64),
    name: text(200).min(3, "Give the runbook a name of at least 3 characters"),
    scenario: text(2000).default(""),
    symptoms: text(5000).default(""),
    detection: text(5000).default(""),
    estimatedMinutes: z.number().int().min(1).max(100_000).nullable().default(null),
    steps: z.array(stepInputSchema).min(1, "A runbook needs at least one step").max(200, "At most 200 steps"),
  })
  .superRefine((runbook, ctx) => {
    runbook.steps.forEach((step, index) => {
      const parsed = parseStepConfig(step.kind, step.config);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: "custom",
            path: ["steps", index, "config", ...issue.path.map(String)],
            message: `Step ${index + 1}: ${issue.path.join(".") || "settings"} ${issue.message}`,
          });
      if (step.kind === "healthcheck" && step.serviceIds.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "serviceIds"],
          message: `Step ${index + 1}: name the services this health check proves recovered`,
        });
    });
  });
export type RunbookFields = z.infer<typeof runbookFieldsSchema>;

export const updateRunbookSchema = z
  .object({ id: z.string().min(1).max(64), version: z.number().int().min(1) })
  .and(runbookFieldsSchema);

export const drillScheduleSchema = z.object({
  runbookId: z.string().min(1).max(64),
  // null removes the schedule.
  everyDays: z.number().int().min(1, "At least every day").max(730, "At most every two years").nullable(),
});
export type DrillScheduleInput = z.infer<typeof drillScheduleSchema>;

const id = z.string().trim().min(1, "Required").max(64);
export const startRunSchema = z.object({
  runbookId: id,
  incidentId: id.optional(),
  // Starting a runbook that covers none of the incident's affected services needs this, said explicitly.
  confirmUncovered: z.boolean().default(false),
});
export const stepActionSchema = z.object({ runId: id, stepId: id, note: z.string().trim().max(2000).default("") });
export const skipStepSchema = z.object({
  runId: id,
  stepId: id,
  reason: z.string().trim().min(3, "Say why the step is skipped").max(2000),
});
export const abortRunSchema = z.object({
  runId: id,
  reason: z.string().trim().min(3, "Say why the run is aborted").max(2000),
});
