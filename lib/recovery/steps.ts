// Runbook step settings, one shape per kind, validated when a runbook is saved and again when a step runs.
import { z } from "zod";

export const STEP_KINDS = ["manual", "approval", "http", "healthcheck", "wait", "command"] as const;
export type StepKindName = (typeof STEP_KINDS)[number];

// An absolute http(s) URL, or a path starting with "/" for Lifeboat itself (resolved against NEXTAUTH_URL):
// how the seeded runbooks reach the demo fleet wherever the app runs.
const url = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (v) => (/^https?:\/\//i.test(v) && URL.canParse(v)) || /^\/[^/\\]/.test(v),
    "must be an http:// or https:// URL (or a /path on this Lifeboat)",
  );

/** Resolves a "/path on this Lifeboat" against the app's base URL. */
export function resolveStepUrl(value: string, baseUrl: string | undefined): string {
  if (!value.startsWith("/")) return value;
  if (!baseUrl) throw new Error(`${value} is a path on this Lifeboat, but its address is unknown (set NEXTAUTH_URL)`);
  return new URL(value, baseUrl).toString();
}
const expectStatus = z.array(z.number().int().min(100).max(599)).max(20).optional();

const STEP_CONFIG = {
  manual: z.object({ instructions: z.string().max(5000).default("") }),
  approval: z.object({ instructions: z.string().max(5000).default("") }),
  http: z.object({
    url,
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
    headers: z.record(z.string().max(200), z.string().max(4000)).default({}),
    body: z.string().max(100_000).optional(),
    expectStatus,
  }),
  healthcheck: z.object({ url, intervalSeconds: z.number().min(0.2).max(300).default(2), expectStatus }),
  wait: z.object({ seconds: z.number().min(0).max(86_400) }),
  // enabled: false marks a command no one has reviewed yet (an imported plan's `kubectl delete …`): Lifeboat
  // never runs it; a run parks on it like a manual step and a person runs it by hand.
  command: z.object({
    command: z.string().trim().min(1, "is required").max(10_000),
    cwd: z.string().max(1000).optional(),
    enabled: z.boolean().default(true),
  }),
} as const satisfies Record<StepKindName, z.ZodType>;

export type StepConfig<K extends StepKindName> = z.infer<(typeof STEP_CONFIG)[K]>;

/** Kinds a person always completes; the worker only waits for them. */
const PERSON_KINDS: readonly StepKindName[] = ["manual", "approval"];

/**
 * May Lifeboat run this command step's command (when RECOVERY_COMMANDS=on)? Read from the raw config so it
 * holds for stored rows too: only an absent `enabled` (older steps: the default) or `enabled: true` allows
 * it; `false`, or anything malformed, does not (fail closed).
 */
export function commandMayRun(config: unknown): boolean {
  const enabled = config && typeof config === "object" ? (config as { enabled?: unknown }).enabled : undefined;
  return enabled === undefined || enabled === true;
}

/**
 * Does a person complete this step (the worker parks the run as waiting on it)? Manual steps, approvals,
 * and disabled command steps: a person runs the command by hand, then ticks it.
 */
export function isPersonStep(step: { kind: string; config: unknown }): boolean {
  return PERSON_KINDS.includes(step.kind as StepKindName) || (step.kind === "command" && !commandMayRun(step.config));
}

export const STEP_KIND_LABELS: Record<StepKindName, string> = {
  manual: "Manual",
  approval: "Approval",
  http: "HTTP call",
  healthcheck: "Health check",
  wait: "Wait",
  command: "Command",
};

export function parseStepConfig<K extends StepKindName>(kind: K, config: unknown): z.ZodSafeParseResult<StepConfig<K>> {
  return STEP_CONFIG[kind].safeParse(config ?? {}) as z.ZodSafeParseResult<StepConfig<K>>;
}

/** Is this status what the step expects? Default: any 2xx. */
export function statusMatches(status: number, expected?: number[]) {
  return expected?.length ? expected.includes(status) : status >= 200 && status < 300;
}
