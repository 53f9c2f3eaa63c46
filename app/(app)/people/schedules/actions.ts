"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import {
  createOverride,
  createSchedule,
  deleteOverride,
  deleteSchedule,
  newFeedToken,
  updateSchedule,
} from "@/lib/oncall/schedules";
import {
  deleteOverrideSchema,
  feedTokenSchema,
  overrideFieldsSchema,
  scheduleFieldsSchema,
  scheduleRefSchema,
  updateScheduleSchema,
} from "@/lib/oncall/schemas";

const refresh = () => revalidatePath("/people", "layout");
const edit = actionClient.metadata({ permission: "people.edit" });
// On-call people cover and swap shifts themselves: responders may add and remove overrides.
const override = actionClient.metadata({ permission: "oncall.override" });

/** Creates an on-call schedule with its layers. */
export const createScheduleAction = edit.inputSchema(scheduleFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const schedule = await createSchedule(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(scheduleFieldsSchema, e),
  );
  refresh();
  return schedule;
});

/** Saves a schedule and all its layers at once; refused when someone else saved a newer version. */
export const updateScheduleAction = edit.inputSchema(updateScheduleSchema).action(async ({ parsedInput, ctx }) => {
  const schedule = await updateSchedule(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(updateScheduleSchema, e),
  );
  refresh();
  return schedule;
});

/** Deletes a schedule no escalation level pages. */
export const deleteScheduleAction = edit.inputSchema(scheduleRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteSchedule(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Someone covers a range of a schedule (for someone else, when named). */
export const createOverrideAction = override.inputSchema(overrideFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const result = await createOverride(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(overrideFieldsSchema, e),
  );
  refresh();
  return result;
});

/** Removes an override. */
export const deleteOverrideAction = override.inputSchema(deleteOverrideSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteOverride(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Issues a new secret calendar-feed URL for a schedule or a contact; the old one stops working. */
export const newFeedTokenAction = edit.inputSchema(feedTokenSchema).action(async ({ parsedInput, ctx }) => {
  const result = await newFeedToken(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});
