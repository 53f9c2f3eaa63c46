// The plan-as-code format: what `npm run plan -- export` writes, what import reads (YAML, or extracted from a
// Markdown DR plan), and the source of docs/plan.schema.json. Field names follow the plans issue; everything
// is optional except names, so a partial plan (a Markdown document rarely states everything) is valid.
// On import, an omitted field leaves what Lifeboat holds unchanged; a stated one replaces it.
// Secrets never appear here: channels by name only (their URLs carry tokens); HTTP header values (but a few
// harmless ones), query values, bodies and token-like URL path segments as SECRET_PLACEHOLDER (lib/security/secrets.ts).
// The importer applies the editors' own schemas (lib/inventory, lib/people, lib/backups, lib/recovery) on top
// of this one, and reports what they refuse at its path.
import { z } from "zod";
import { STEP_KINDS } from "@/lib/recovery/steps";
import { CHANNEL_TYPES, INCIDENT_EVENTS, TIMINGS } from "@/lib/people/schemas";
import { VERIFICATIONS } from "@/lib/backups/rules";
import { MAX_OBJECTIVE_MINUTES } from "@/lib/inventory/schemas";
import { SHIFT_UNITS, WEEKDAYS } from "@/lib/oncall/schemas";

export const PLAN_FORMAT_VERSION = 1;
/** Bigger inputs are refused before parsing. */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;
/** Words for priorities, and the tier each means (Service.tier: 1 Critical … 4 Low). */
export const PRIORITY_TIERS = { critical: 1, high: 2, medium: 3, low: 4 } as const;

/** Delays of notification rules: 2, "2m", "2 min", "2 minutes". */
export const AFTER = /^\d{1,4}\s*(m|min|mins|minutes?)?$/i;
/** Day words a restriction may use instead of a list. */
const DAY_GROUPS = ["weekdays", "weekends", "every day"] as const;

const name = (max = 200) => z.string().trim().min(1, "is required").max(max, `is at most ${max} characters`);
const text = (max: number) => z.string().trim().max(max, `is at most ${max} characters`);
const minutes = z
  .number()
  .int("must be whole minutes")
  .min(0, "cannot be negative")
  .max(MAX_OBJECTIVE_MINUTES, "is over a year");
const description = (s: string) => ({ description: s });

const objectives = {
  rtoMinutes: minutes
    .optional()
    .meta(
      description("Recovery time objective, minutes. For a stated range, the upper end (the target measured against)."),
    ),
  rtoMinMinutes: minutes
    .optional()
    .meta(description("The lower end when the plan states a range (kept for reference; not a target).")),
  rpoMinutes: minutes.optional().meta(description("Recovery point objective, minutes (upper end of a range).")),
  rpoMinMinutes: minutes.optional().meta(description("The lower end when the plan states a range.")),
};

const planServiceSchema = z.strictObject({
  name: name(120),
  kind: text(40).optional(),
  tier: z.number().int().min(1, "is 1 (Critical) to 4 (Low)").max(4, "is 1 (Critical) to 4 (Low)").optional(),
  priority: text(40)
    .optional()
    .meta(description("As the plan words it (Critical, High, Medium, Low); gives the tier when no tier is stated.")),
  ...objectives,
  owner: text(120).optional(),
  healthCheckUrl: text(2048).optional(),
  notes: text(4000).optional(),
  dependsOn: z
    .array(name(250))
    .max(200)
    .optional()
    .meta(
      description('Services this one needs up first: a name in the same system, or "System / service" in another.'),
    ),
  recoveryOrder: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta(
      description(
        "The order the plan states. Lifeboat derives the order from dependencies; a stated order that contradicts them is reported, not stored.",
      ),
    ),
});

const planBackupPolicySchema = z.strictObject({
  service: name(120).optional().meta(description("The service it protects (required to apply: RPO is per service).")),
  name: name(120),
  intervalMinutes: z.number().int().min(1).max(525_600).optional(),
  cron: text(100).optional().meta(description("UTC cron expression, e.g. 0 2 * * *")),
  frequency: text(200)
    .optional()
    .meta(
      description(
        "The frequency as the plan words it, when it is neither an interval nor a time of day (e.g. Real-time).",
      ),
    ),
  retentionLocalDays: z.number().int().min(0).max(36_500).optional(),
  retentionRemoteDays: z.number().int().min(0).max(36_500).optional(),
  locations: z.array(name(300)).max(10).optional(),
  method: text(500).optional().meta(description("How it is taken: tool or script.")),
  verification: z.enum(VERIFICATIONS).optional(),
  requireVerified: z.boolean().optional(),
  graceMinutes: z.number().int().min(0).max(10_080).optional(),
});

const planStepSchema = z.strictObject({
  title: name(300),
  kind: z.enum(STEP_KINDS),
  command: z.string().max(10_000).optional().meta(description("Shell command of a command step.")),
  cwd: z.string().max(1000).optional().meta(description("Working directory of a command step.")),
  enabled: z
    .boolean()
    .optional()
    .meta(description("Command steps only. Imported commands are disabled until someone reviews and enables them.")),
  instructions: z.string().max(5000).optional().meta(description("What the person does (manual and approval steps).")),
  config: z
    .record(z.string(), z.unknown())
    .optional()
    .meta(
      description("Settings of http, healthcheck and wait steps, as in the runbook editor (lib/recovery/steps.ts)."),
    ),
  group: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .meta(description("Consecutive steps with the same group run in parallel.")),
  timeoutSeconds: z.number().int().min(1).max(86_400).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  safeToRepeat: z.boolean().optional(),
  services: z
    .array(name(120))
    .max(100)
    .optional()
    .meta(description("Services a health check proves recovered (names in the system).")),
});

const planRunbookSchema = z.strictObject({
  name: name(200),
  scenario: text(2000).optional(),
  symptoms: text(5000).optional(),
  detection: text(5000).optional(),
  estimatedMinutes: minutes.optional().meta(description("Upper end of the stated recovery time.")),
  estimatedMinMinutes: minutes.optional().meta(description("Lower end, when a range is stated.")),
  drillEveryDays: z.number().int().min(1).max(3660).optional().meta(description("Drill this runbook every N days.")),
  steps: z.array(planStepSchema).max(200).optional(),
});

const planNotifyRuleSchema = z.strictObject({
  channel: name(120).meta(description("A notification channel by name.")),
  after: z
    .union([
      z.number().int("must be whole minutes").min(0, "cannot be negative").max(1440, "is at most a day"),
      z.string().trim().regex(AFTER, 'is minutes: 0, 2, "2m", "5 min"'),
    ])
    .meta(description('Minutes after the page first goes out: 0, 2, "2m", "5 min".')),
});

const planContactSchema = z.strictObject({
  name: text(120).optional().meta(description("Without a name the contact is named after its role.")),
  role: text(120).optional().meta(description("Their role or title, as the plan words it.")),
  roles: z
    .array(name(80))
    .max(20)
    .optional()
    .meta(
      description(
        "On-call roles the contact fills (escalation levels can page a role). When left out, a new contact gets its role.",
      ),
    ),
  team: text(120).optional(),
  email: text(320).optional(),
  phone: text(40).optional().meta(description("E.164, e.g. +14155550123")),
  external: z.boolean().optional(),
  organization: text(120).optional(),
  notes: text(2000).optional(),
  notify: z
    .array(planNotifyRuleSchema)
    .max(10)
    .optional()
    .meta(
      description(
        "Notification rules: this contact's channels in order, each after a delay, used whenever they are paged until someone acknowledges.",
      ),
    ),
});

const planEscalationLevelSchema = z.strictObject({
  level: z.number().int().min(1).max(20),
  afterMinutes: z.number().int().min(0).max(10_080),
  targets: z.array(name(200)).max(50).meta(description("Contacts (by name or email) or on-call roles to page.")),
  channels: z.array(name(120)).max(10).optional().meta(description("Notification channels by name.")),
  schedules: z
    .array(name(120))
    .max(10)
    .optional()
    .meta(description("On-call schedules by name: whoever is on call when the level fires is paged.")),
});

const planRestrictionSchema = z.strictObject({
  days: z
    .union([z.enum(DAY_GROUPS), z.array(z.enum(WEEKDAYS)).min(1).max(7)])
    .meta(description('"weekdays", "weekends", "every day", or a list such as [Mon, Tue, Wed].')),
  from: text(5).meta(description("Local start, HH:MM.")),
  to: text(5).meta(description("Local end, HH:MM; at or before from runs past midnight.")),
});

const planLayerSchema = z.strictObject({
  name: text(80).optional(),
  timeZone: text(64).optional().meta(description("IANA zone of the handoffs; the schedule's zone when left out.")),
  start: text(20)
    .optional()
    .meta(description('First handoff, local: "2026-12-07 09:00". Or startDate and handoffTime.')),
  startDate: text(10).optional().meta(description("YYYY-MM-DD (with handoffTime, instead of start).")),
  handoffTime: text(5).optional().meta(description("HH:MM (with startDate, instead of start).")),
  every: text(20)
    .optional()
    .meta(description('Shift length: "1 week", "12 hours", "3 days". Or shiftLength and shiftUnit.')),
  shiftLength: z.number().int().min(1).max(1000).optional(),
  shiftUnit: z.enum(SHIFT_UNITS).optional(),
  restrictions: z
    .array(planRestrictionSchema)
    .max(14)
    .optional()
    .meta(description("On call only inside these local windows.")),
  members: z.array(name(320)).max(100).meta(description("Contacts by name (or email), in turn order.")),
});

const planOverrideSchema = z.strictObject({
  contact: name(320).meta(description("Who covers (contact name or email).")),
  replaces: name(320).optional().meta(description("Whom they cover for.")),
  from: text(40).meta(description("ISO date and time, e.g. 2026-12-24T18:00:00Z.")),
  to: text(40),
  reason: text(500).optional(),
});

const planScheduleSchema = z.strictObject({
  name: name(120),
  timeZone: text(64).meta(description("IANA zone the schedule is shown in, e.g. Europe/Berlin.")),
  description: text(2000).optional(),
  layers: z
    .array(planLayerSchema)
    .max(10)
    .meta(description("Rotations, lowest first: a later layer wins where it has someone on call.")),
  overrides: z
    .array(planOverrideSchema)
    .max(1000)
    .optional()
    .meta(description("Someone covering a range. Export leaves out overrides that have ended.")),
});

const planNotificationSchema = z.strictObject({
  event: z.enum(INCIDENT_EVENTS),
  audience: z.enum(["internal", "external"]),
  recipients: text(200).meta(description('Who, in words: "Slack #incidents", "Status Page".')),
  channel: name(120).optional(),
  timing: z.enum(TIMINGS),
  minutes: z.number().int().min(1).max(10_080).optional().meta(description('For timing "within" and "every".')),
});

const planSystemSchema = z.strictObject({
  name: name(120),
  description: text(4000).optional(),
  drStrategy: text(200).optional(),
  primaryRegion: text(120).optional(),
  drRegion: text(120).optional(),
  ...objectives,
  services: z.array(planServiceSchema).max(5000).optional(),
  backupPolicies: z.array(planBackupPolicySchema).max(5000).optional(),
  runbooks: z.array(planRunbookSchema).max(500).optional(),
  contacts: z.array(planContactSchema).max(500).optional(),
  escalation: z.array(planEscalationLevelSchema).max(20).optional(),
  notifications: z.array(planNotificationSchema).max(100).optional(),
});

export const planSchema = z
  .strictObject({
    version: z.literal(PLAN_FORMAT_VERSION).optional(),
    systems: z.array(planSystemSchema).max(500).default([]),
    tiers: z
      .array(z.strictObject({ tier: z.number().int().min(1).max(4), rtoMinutes: minutes, rpoMinutes: minutes }))
      .max(4)
      .optional()
      .meta(description("Default RTO/RPO per tier, for services that state none.")),
    contacts: z
      .array(planContactSchema)
      .max(5000)
      .optional()
      .meta(description("Contacts no system's escalation names.")),
    channels: z
      .array(z.strictObject({ name: name(120), type: z.enum(CHANNEL_TYPES) }))
      .max(200)
      .optional()
      .meta(description("Notification channels by name and type; their URLs are secrets and never exported.")),
    notifications: z
      .array(planNotificationSchema)
      .max(100)
      .optional()
      .meta(description("The fleet-wide notification matrix.")),
    schedules: z
      .array(planScheduleSchema)
      .max(500)
      .optional()
      .meta(description("On-call schedules by name; importing one replaces its layers and adds its overrides.")),
  })
  .meta({
    title: "Lifeboat DR plan",
    description:
      "Plan-as-code for Lifeboat: systems, services, backups, runbooks, people. Generated from lib/plans/format.ts.",
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanSystem = z.infer<typeof planSystemSchema>;
export type PlanService = z.infer<typeof planServiceSchema>;
export type PlanBackupPolicy = z.infer<typeof planBackupPolicySchema>;
export type PlanRunbook = z.infer<typeof planRunbookSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type PlanContact = z.infer<typeof planContactSchema>;
export type PlanEscalationLevel = z.infer<typeof planEscalationLevelSchema>;
export type PlanNotification = z.infer<typeof planNotificationSchema>;
export type PlanSchedule = z.infer<typeof planScheduleSchema>;
export type PlanLayer = z.infer<typeof planLayerSchema>;
export type PlanNotifyRule = z.infer<typeof planNotifyRuleSchema>;

/** A place in the source: 1-based line, for reports. */
export type SourceLine = { line: number; text: string };
/** Something in the input that stops the whole import (nothing is applied). */
export type PlanProblem = { line?: number; path?: string; message: string };
/**
 * One thing a Markdown plan states, as read, with the line it came from, so a person can check it at a glance.
 * scope: what the figure is for, when the plan says (a service, an environment, a tier, a data type, a scenario).
 */
export type PlanFact = { line: number; text: string } & (
  | { kind: "system"; name: string }
  | { kind: "rto" | "rpo"; minutes?: number; minMinutes?: number; scope?: string }
  | { kind: "backup"; everyMinutes?: number; at?: string; retentionDays?: number; scope?: string }
  | { kind: "procedure"; name: string }
  | { kind: "command"; command: string }
  | {
      kind: "schedule";
      /** The rotation as read: its name, members, shift and handoff as far as the plan states them. */
      name: string;
      members: string[];
      every?: string;
      handoff?: string;
      timeZone?: string;
      /** Why no schedule was made of it (zone unclear, members not contacts of the plan…). */
      why?: string;
    }
);

/** What reading a document produced: the plan, and what it could not use. */
export type PlanReading = {
  format: "markdown" | "yaml";
  plan: Plan;
  problems: PlanProblem[];
  /** Markdown only: lines with content that no extractor used. */
  unparsed: SourceLine[];
  /** Things a DR plan usually states that this one does not (or only as placeholders). */
  notFound: string[];
  /** How something was read, when it took interpretation ("Priority Critical → tier 1"). */
  notes: { line?: number; message: string }[];
  /** Markdown only: every figure, schedule, procedure and command read, with its line. */
  facts: PlanFact[];
};
