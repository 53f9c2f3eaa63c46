import { z } from "zod";

export const MAX_OBJECTIVE_MINUTES = 525_600; // one year: anything longer is a typo, not an objective

export const SERVICE_KINDS = [
  "api",
  "frontend",
  "database",
  "cache",
  "queue",
  "object-storage",
  "block-storage",
  "model-store",
  "cluster",
  "media",
  "telephony",
  "monitoring",
  "config",
  "logs",
  "dns",
  "other",
] as const;

const text = (label: string, max: number) => z.string().trim().max(max, `${label} is at most ${max} characters`);
const id = z.string().trim().min(1).max(64);

/** Blank means "not stated" (the tier default applies); otherwise whole minutes from 0 to a year. */
const objectiveMinutes = (label: string) =>
  z.union([z.number(), z.string().trim(), z.null()]).transform((value, ctx) => {
    if (value === null || value === "") return null;
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n) || !Number.isInteger(n)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a whole number of minutes` });
      return z.NEVER;
    }
    if (n < 0) {
      ctx.addIssue({ code: "custom", message: `${label} cannot be negative` });
      return z.NEVER;
    }
    if (n > MAX_OBJECTIVE_MINUTES) {
      ctx.addIssue({
        code: "custom",
        message: `${label} over a year (${MAX_OBJECTIVE_MINUTES} minutes) is not an objective`,
      });
      return z.NEVER;
    }
    return n;
  });

const healthCheckUrl = z
  .string()
  .trim()
  .max(2048, "Health-check URL is too long")
  .transform((value, ctx) => {
    if (value === "") return null;
    try {
      const url = new URL(value);
      if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    } catch {}
    ctx.addIssue({ code: "custom", message: "Health-check URL must be a full http:// or https:// URL" });
    return z.NEVER;
  });

const tierSchema = z.coerce
  .number({ error: "Choose a tier from 1 (Critical) to 4 (Low)" })
  .int("Choose a tier from 1 (Critical) to 4 (Low)")
  .min(1, "Choose a tier from 1 (Critical) to 4 (Low)")
  .max(4, "Choose a tier from 1 (Critical) to 4 (Low)");

export const serviceFieldsSchema = z.object({
  systemId: id,
  name: text("Name", 120).min(1, "Name is required"),
  kind: text("Kind", 40)
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9 -]*$/, "Kind uses letters, digits, spaces and dashes")
    .default("other"),
  tier: tierSchema,
  rtoMinutes: objectiveMinutes("RTO"),
  rpoMinutes: objectiveMinutes("RPO"),
  owner: text("Owner", 120).default(""),
  healthCheckUrl: healthCheckUrl.default(""),
  notes: text("Notes", 4000).default(""),
});

export const updateServiceSchema = serviceFieldsSchema.extend({
  id,
  version: z.number().int().positive().max(2_147_483_647),
});
export const deleteServiceSchema = z.object({
  id,
  version: z.number().int().positive().max(2_147_483_647),
  /** Ids of the dependents the person saw and agreed to detach; must match the current dependents. */
  confirmDependents: z.array(id).max(10_000).default([]),
});

export const systemFieldsSchema = z.object({
  name: text("Name", 120).min(1, "Name is required"),
  description: text("Description", 4000).default(""),
  drStrategy: text("DR strategy", 200).default(""),
  primaryRegion: text("Primary region", 120).default(""),
  drRegion: text("DR region", 120).default(""),
});
export const updateSystemSchema = systemFieldsSchema.extend({
  id,
  version: z.number().int().positive().max(2_147_483_647),
});
export const deleteSystemSchema = z.object({ id, version: z.number().int().positive().max(2_147_483_647) });

export const dependencySchema = z.object({ serviceId: id, dependsOnId: id });

export const tierDefaultsSchema = z.object({
  tiers: z
    .array(
      z.object({
        tier: tierSchema,
        version: z.number().int().positive().max(2_147_483_647),
        rtoMinutes: objectiveMinutes("RTO").refine((v) => v !== null, "RTO is required for a tier default"),
        rpoMinutes: objectiveMinutes("RPO").refine((v) => v !== null, "RPO is required for a tier default"),
      }),
    )
    .min(1)
    .max(4),
});

export type ServiceFields = z.infer<typeof serviceFieldsSchema>;
export type SystemFields = z.infer<typeof systemFieldsSchema>;
