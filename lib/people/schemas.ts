import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const text = (label: string, max: number) => z.string().trim().max(max, `${label} is at most ${max} characters`);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const CHANNEL_TYPES = ["webhook", "email", "sms", "voice"] as const;
export const INCIDENT_EVENTS = [
  "detected",
  "dr_activated",
  "recovery_started",
  "progress_update",
  "recovery_complete",
] as const;
export const EVENT_LABELS: Record<(typeof INCIDENT_EVENTS)[number], string> = {
  detected: "Incident detected",
  dr_activated: "DR activated",
  recovery_started: "Recovery started",
  progress_update: "Progress update",
  recovery_complete: "Recovery complete",
};
export const TIMINGS = ["immediate", "within", "every", "on_completion"] as const;
export const STATUS_PAGE_LEVELS = ["operational", "degraded", "partial_outage", "major_outage", "maintenance"] as const;

const e164 = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s().-]/g, ""))
    .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "Phone must be in international E.164 form, e.g. +14155550123"))
    .nullable(),
);

const optionalEmail = z.preprocess(
  blankToNull,
  z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address")).nullable(),
);

const httpUrl = (label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(2048)
      .refine((v) => {
        try {
          return ["http:", "https:"].includes(new URL(v).protocol);
        } catch {
          return false;
        }
      }, `${label} must be a full http:// or https:// URL`)
      .refine((v) => {
        try {
          const url = new URL(v);
          return !url.username && !url.password;
        } catch {
          return true;
        }
      }, `${label} must not contain a user name or password (use a token in the path or query)`)
      .nullable(),
  );

const stringList = (label: string) =>
  z
    .array(text(label, 80).min(1))
    .max(20)
    .transform((list) => [...new Set(list)]);

/** One step of a contact's own paging: this channel, this many minutes after the level reaches them. */
const contactRuleSchema = z.object({
  channelId: id,
  afterMinutes: z.coerce
    .number({ error: "After must be a number of minutes" })
    .int("After must be whole minutes")
    .min(0, "After cannot be negative")
    .max(1440, "After is at most 1440 minutes"),
});

export const contactFieldsSchema = z.object({
  name: text("Name", 120).min(1, "Name is required"),
  title: text("Role/title", 120).default(""),
  team: text("Team", 120).default(""),
  email: optionalEmail.default(null),
  phone: e164.default(null),
  roles: stringList("Role").default([]),
  preferredChannels: z
    .array(z.enum(CHANNEL_TYPES, { error: "Unknown channel type" }))
    .max(4)
    .default([]),
  /** Ordered; when given, preferredChannels is derived from them (the break-glass pack reads it). */
  rules: z.array(contactRuleSchema).max(10, "At most 10 notification rules").optional(),
  external: z.boolean().default(false),
  organization: text("Organization", 120).default(""),
  notes: text("Notes", 2000).default(""),
});
export const updateContactSchema = contactFieldsSchema.extend({
  id,
  version: z.number().int().positive().max(2_147_483_647),
});
export const contactRefSchema = z.object({ id, version: z.number().int().positive().max(2_147_483_647) });

export const channelFieldsSchema = z.object({
  name: text("Name", 80).min(1, "Name is required"),
  type: z.enum(CHANNEL_TYPES, { error: "Choose webhook, email, sms or voice" }),
  /** Blank on edit keeps the saved URL (it is never sent back to the browser). */
  url: httpUrl("URL").default(null),
  enabled: z.boolean().default(true),
});
export const updateChannelSchema = channelFieldsSchema.extend({
  id,
  version: z.number().int().positive().max(2_147_483_647),
});
export const channelRefSchema = z.object({ id, version: z.number().int().positive().max(2_147_483_647) });
export const testChannelSchema = z.object({ id, contactId: id.optional() });

const minutes = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number of minutes` })
    .int(`${label} must be whole minutes`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is at most ${max} minutes`);

const levelSchema = z.object({
  afterMinutes: minutes("After", 10_080),
  contactIds: z.array(id).max(50).default([]),
  roleTargets: stringList("Role").default([]),
  channelIds: z.array(id).max(10).default([]),
  /** Schedules whose on-call person the level pages, resolved when the page is sent. */
  scheduleIds: z.array(id).max(10).optional(),
});

export const policyFieldsSchema = z
  .object({
    name: text("Name", 120).min(1, "Name is required"),
    description: text("Description", 2000).default(""),
    systemId: z.preprocess(blankToNull, id.nullable()).default(null),
    tier: z
      .preprocess(blankToNull, z.coerce.number().int().min(1, "Tier is 1 to 4").max(4, "Tier is 1 to 4").nullable())
      .default(null),
    repeatTimes: z.coerce.number().int().min(0, "Repeat cannot be negative").max(10, "Repeat at most 10 times"),
    repeatAfterMinutes: minutes("Repeat after", 1440).min(1, "Repeat after at least 1 minute"),
    levels: z.array(levelSchema).min(1, "A policy needs at least one level").max(20),
  })
  .superRefine((policy, ctx) => {
    if (policy.systemId && policy.tier) {
      ctx.addIssue({ code: "custom", path: ["tier"], message: "Attach the policy to a system or to a tier, not both" });
    }
    const seen = new Map<number, number>();
    policy.levels.forEach((level, index) => {
      const other = seen.get(level.afterMinutes);
      if (other !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", index, "afterMinutes"],
          message: `Level ${index + 1} fires at ${level.afterMinutes} min, like level ${other + 1}: give each level its own time`,
        });
      }
      seen.set(level.afterMinutes, index);
      if (level.contactIds.length + level.roleTargets.length + (level.scheduleIds?.length ?? 0) === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", index, "contactIds"],
          message: `Level ${index + 1} has no one to page: add a contact, a role or a schedule`,
        });
      }
      if (level.channelIds.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", index, "channelIds"],
          message: `Level ${index + 1} has no channel`,
        });
      }
    });
  });
export const updatePolicySchema = z.intersection(
  policyFieldsSchema,
  z.object({ id, version: z.number().int().positive().max(2_147_483_647) }),
);
export const policyRefSchema = z.object({ id, version: z.number().int().positive().max(2_147_483_647) });

export const ruleSchema = z
  .object({
    event: z.enum(INCIDENT_EVENTS, { error: "Unknown incident event" }),
    audience: z.enum(["internal", "external"], { error: "Audience is internal or external" }),
    channelId: z.preprocess(blankToNull, id.nullable()).default(null),
    recipients: text("Recipients", 200).default(""),
    timing: z.enum(TIMINGS, { error: "Unknown timing" }),
    minutes: z.preprocess(blankToNull, minutes("Minutes", 1440).nullable()).default(null),
  })
  .superRefine((rule, ctx) => {
    if ((rule.timing === "within" || rule.timing === "every") && (rule.minutes === null || rule.minutes === 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["minutes"],
        message: `"${rule.timing === "within" ? "Within" : "Every"}" needs a number of minutes`,
      });
    }
    if (rule.channelId === null && rule.recipients === "") {
      ctx.addIssue({
        code: "custom",
        path: ["recipients"],
        message: "Say who is told: pick a channel or write the recipients",
      });
    }
  });
export const saveMatrixSchema = z.object({
  systemId: z.preprocess(blankToNull, id.nullable()).default(null),
  version: z.number().int().min(0).max(2_147_483_647),
  rules: z.array(ruleSchema).max(100),
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;
export type ChannelFields = z.infer<typeof channelFieldsSchema>;
export type PolicyFields = z.infer<typeof policyFieldsSchema>;
export type RuleFields = z.infer<typeof ruleSchema>;

/** The paging simulator's URL parameters (/people/paging): a wrong value falls back instead of failing the page. */
export const pagingQuerySchema = z.object({
  system: z.string().max(64).optional().catch(undefined),
  service: z.string().max(64).optional().catch(undefined),
  policy: z.string().max(64).optional().catch(undefined),
  minute: z.coerce.number().int().min(0).max(10_080).default(20).catch(20),
});
