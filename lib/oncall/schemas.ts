// Inputs of the on-call writes: schedules (layers, restrictions), overrides. Field-named errors; the zone rules
// (a zone that does not exist, a first handoff the clocks skip) are checked here, so nothing half-valid is stored.
import { z } from "zod";
import { isKnownTimeZone, isLocalDate, isLocalTime, localInstant } from "./local-time";

const id = z.string().trim().min(1).max(64);
const version = z.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number) => z.string().trim().max(max, `${label} is at most ${max} characters`);

export const SHIFT_UNITS = ["hours", "days", "weeks"] as const;
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const timeZone = z
  .string()
  .trim()
  .min(1, "Time zone is required")
  .max(64)
  .refine(isKnownTimeZone, "Time zone must be an IANA zone such as Europe/Berlin or America/New_York");
const localTime = (label: string) =>
  z.string().trim().refine(isLocalTime, `${label} must be a 24-hour time such as 09:00`);

const restrictionSchema = z
  .object({
    days: z
      .array(
        z.coerce.number().int().min(1, "Days are 1 (Monday) to 7 (Sunday)").max(7, "Days are 1 (Monday) to 7 (Sunday)"),
      )
      .min(1, "Pick at least one day")
      .max(7)
      .transform((days) => [...new Set(days)].sort()),
    from: localTime("From"),
    to: localTime("To"),
  })
  .refine((r) => r.from !== r.to, {
    path: ["to"],
    message: "From and To are the same time: the window would be empty",
  });

export const layerSchema = z
  .object({
    name: text("Layer name", 80).default(""),
    timeZone,
    startDate: z.string().trim().refine(isLocalDate, "Start date must be a date such as 2026-12-07"),
    handoffTime: localTime("Handoff time"),
    shiftLength: z.coerce
      .number({ error: "Shift length must be a number" })
      .int("Shift length must be a whole number")
      .min(1, "Shift length is at least 1")
      .max(1000, "Shift length is at most 1000"),
    shiftUnit: z.enum(SHIFT_UNITS, { error: "Shift unit is hours, days or weeks" }),
    restrictions: z.array(restrictionSchema).max(14).default([]),
    memberIds: z.array(id).min(1, "A rotation needs at least one person").max(100),
  })
  .superRefine((layer, ctx) => {
    if (!isKnownTimeZone(layer.timeZone) || !isLocalDate(layer.startDate) || !isLocalTime(layer.handoffTime)) return;
    if (!localInstant(layer.startDate, layer.handoffTime, layer.timeZone).exists) {
      ctx.addIssue({
        code: "custom",
        path: ["handoffTime"],
        message: `${layer.handoffTime} does not exist on ${layer.startDate} in ${layer.timeZone} (the clocks skip it that day): pick another time or start date`,
      });
    }
  });

export const scheduleFieldsSchema = z.object({
  name: text("Name", 120).min(1, "Name is required"),
  description: text("Description", 2000).default(""),
  timeZone,
  // Listed lowest first; the last layer wins where it has someone.
  layers: z.array(layerSchema).min(1, "A schedule needs at least one layer").max(10, "At most 10 layers"),
});
export const updateScheduleSchema = scheduleFieldsSchema.extend({ id, version });
export const scheduleRefSchema = z.object({ id, version });

const instant = (label: string) =>
  z.coerce
    .date({ error: `${label} must be a date and time` })
    .refine(
      (d) => d.getTime() >= Date.UTC(1970, 0, 1) && d.getTime() < Date.UTC(10_000, 0, 1),
      `${label} is out of range`,
    );

export const overrideFieldsSchema = z
  .object({
    scheduleId: id,
    contactId: id,
    replacesContactId: z.preprocess((v) => (v === "" ? null : v), id.nullable()).default(null),
    startsAt: instant("Start"),
    endsAt: instant("End"),
    reason: text("Reason", 500).default(""),
  })
  .refine((o) => o.endsAt.getTime() > o.startsAt.getTime(), {
    path: ["endsAt"],
    message: "The override ends before it starts",
  })
  .refine((o) => o.endsAt.getTime() - o.startsAt.getTime() <= 90 * 86_400_000, {
    path: ["endsAt"],
    message: "An override is at most 90 days long",
  })
  .refine((o) => o.contactId !== o.replacesContactId, {
    path: ["replacesContactId"],
    message: "Someone cannot cover for themselves",
  });
export const deleteOverrideSchema = z.object({ id });
export const feedTokenSchema = z.object({
  kind: z.enum(["schedule", "contact"], { error: "A feed belongs to a schedule or a contact" }),
  id,
});

export type ScheduleFields = z.infer<typeof scheduleFieldsSchema>;
export type LayerFields = z.infer<typeof layerSchema>;
export type OverrideFields = z.infer<typeof overrideFieldsSchema>;
