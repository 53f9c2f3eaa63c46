// Input schemas for the backup writes (policies: ./policies.ts; reported runs: ./ingest.ts), with their inferred types.
import { z } from "zod";
import { cronProblem, VERIFICATIONS } from "./rules";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalInt = (label: string, max: number) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `${label} must be a number` })
      .int(`${label} must be whole`)
      .min(0, `${label} cannot be negative`)
      .max(max, `${label} is at most ${max}`)
      .nullable(),
  );

export const backupPolicyFieldsSchema = z
  .object({
    serviceId: z.string().min(1).max(64),
    name: z.string().trim().min(1, "Name is required").max(120),
    intervalMinutes: optionalInt("Interval", 525_600).default(null),
    cron: z.preprocess(blankToNull, z.string().trim().max(100).nullable()).default(null),
    retentionLocalDays: optionalInt("Local retention", 36_500).default(null),
    retentionRemoteDays: optionalInt("Remote retention", 36_500).default(null),
    locations: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    method: z.string().trim().max(500).default(""),
    verification: z.enum(VERIFICATIONS, { error: "Unknown verification" }).default("none"),
    requireVerified: z.boolean().default(false),
    graceMinutes: z.coerce.number().int().min(0, "Grace cannot be negative").max(10_080).default(30),
  })
  .superRefine((p, ctx) => {
    if ((p.intervalMinutes === null) === (p.cron === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["intervalMinutes"],
        message: "Give either an interval in minutes or a cron expression, not both",
      });
    }
    if (p.intervalMinutes === 0)
      ctx.addIssue({ code: "custom", path: ["intervalMinutes"], message: "Interval must be at least 1 minute" });
    const problem = p.cron ? cronProblem(p.cron) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["cron"], message: problem });
    if (p.requireVerified && p.verification === "none")
      ctx.addIssue({
        code: "custom",
        path: ["requireVerified"],
        message: "Choose how runs are verified before requiring it",
      });
  });
export const updateBackupPolicySchema = z.intersection(
  backupPolicyFieldsSchema,
  z.object({ id: z.string().min(1).max(64), version: z.number().int().positive().max(2_147_483_647) }),
);
export const backupPolicyRefSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive().max(2_147_483_647),
});
export type BackupPolicyFields = z.infer<typeof backupPolicyFieldsSchema>;

const timestamp = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 timestamp, e.g. 2026-11-21T02:00:00Z` })
    .transform((v) => new Date(v));

export const backupRunSchema = z
  .object({
    policyId: z.string().trim().min(1).max(64).optional(),
    service: z.string().trim().min(1).max(200).optional(),
    system: z.string().trim().min(1).max(200).optional(),
    policy: z.string().trim().min(1).max(120).optional(),
    externalId: z.string().trim().min(1, "externalId is required").max(200, "externalId is at most 200 characters"),
    status: z.enum(["running", "succeeded", "failed"], { error: "status must be running, succeeded or failed" }),
    startedAt: timestamp("startedAt"),
    finishedAt: timestamp("finishedAt").optional(),
    sizeBytes: z
      .number()
      .int("sizeBytes must be a whole number")
      .min(0, "sizeBytes cannot be negative")
      .max(Number.MAX_SAFE_INTEGER)
      .optional(),
    checksum: z.string().trim().max(200).optional(),
    location: z.string().trim().max(1000).optional(),
    // Optional on purpose: a later report that leaves them out keeps what an earlier one said.
    verified: z.boolean({ error: "verified must be true or false" }).optional(),
    message: z.string().max(4000).optional(),
  })
  .strict()
  .superRefine((run, ctx) => {
    if (!run.policyId && !(run.service && run.policy)) {
      ctx.addIssue({
        code: "custom",
        path: ["policyId"],
        message:
          "Name the policy: policyId, or service (id or name, with system when names repeat) and policy (its name)",
      });
    }
    if (run.finishedAt && run.finishedAt < run.startedAt)
      ctx.addIssue({ code: "custom", path: ["finishedAt"], message: "finishedAt is before startedAt" });
    if (run.status !== "running" && !run.finishedAt)
      ctx.addIssue({
        code: "custom",
        path: ["finishedAt"],
        message: `finishedAt is required when status is ${run.status}`,
      });
    if (run.status === "running" && run.finishedAt)
      ctx.addIssue({ code: "custom", path: ["finishedAt"], message: "a running backup has no finishedAt yet" });
  });

export type BackupRunInput = z.infer<typeof backupRunSchema>;
