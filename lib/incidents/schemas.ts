// Input shapes for incident writes (server actions validate with these before anything else runs).
import { z } from "zod";
import { SEVERITIES, STATUSES, STATUS_PAGE_LEVELS } from "./model";

const id = z.string().trim().min(1, "Required").max(64);
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || undefined);
const version = z.coerce.number().int().min(1).max(1_000_000_000);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const declareIncidentSchema = z.object({
  title: text(200).min(3, "Give the incident a title of at least 3 characters"),
  severity: z.enum(SEVERITIES, { error: "Choose a severity (SEV1–SEV4)" }),
  systemId: optionalId,
  serviceIds: z
    .array(id)
    .max(500, "At most 500 services")
    .default([])
    .transform((ids) => [...new Set(ids)]),
  commanderId: optionalId,
  // Asked on the form: whether (and how) the public status page shows the incident from the start.
  statusPageLevel: z
    .enum(STATUS_PAGE_LEVELS, { error: "Choose what the public status page shows" })
    .default("operational"),
  note: text(5000).default(""),
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;

export const changeStatusSchema = z.object({
  incidentId: id,
  version,
  status: z.enum(STATUSES, { error: "Choose a status" }),
  note: text(5000).default(""),
});

export const addNoteSchema = z.object({
  incidentId: id,
  text: text(5000).min(1, "Write something first"),
  public: z.boolean().default(false),
});

export const acknowledgeSchema = z.object({ incidentId: id });

export const updateIncidentSchema = z.object({
  incidentId: id,
  version,
  title: text(200).min(3, "Give the incident a title of at least 3 characters").optional(),
  severity: z.enum(SEVERITIES).optional(),
  commanderId: z.string().trim().max(64).nullable().optional(),
  statusPageLevel: z.enum(STATUS_PAGE_LEVELS).optional(),
  serviceIds: z
    .array(id)
    .max(500, "At most 500 services")
    .transform((ids) => [...new Set(ids)])
    .optional(),
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

export const postmortemSchema = z.object({ incidentId: id, version, text: text(20_000) });

export const handOverSchema = z.object({ incidentId: id, version, toUserId: id });

export const resolveIncidentSchema = z.object({
  incidentId: id,
  version,
  summary: text(5000).min(3, "Say in a sentence what happened and what fixed it"),
  publicUpdate: text(2000).min(3, "Write the last public update (the status page shows it)"),
  reviewOwnerId: optionalId,
  reviewDueOn: z
    .string()
    .trim()
    .max(10)
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.iso.date("Give the review date as YYYY-MM-DD").optional()),
});
export type ResolveIncidentInput = Omit<z.infer<typeof resolveIncidentSchema>, "reviewOwnerId"> & {
  reviewOwnerId?: string;
};
