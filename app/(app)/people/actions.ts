"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { createChannel, deleteChannel, updateChannel } from "@/lib/people/channels";
import { confirmContact, createContact, deleteContact, updateContact } from "@/lib/people/contacts";
import { saveMatrix } from "@/lib/people/matrix";
import { createPolicy, deletePolicy, updatePolicy } from "@/lib/people/policies";
import {
  channelRefSchema,
  contactRefSchema,
  channelFieldsSchema,
  contactFieldsSchema,
  policyFieldsSchema,
  policyRefSchema,
  saveMatrixSchema,
  testChannelSchema,
  updateChannelSchema,
  updateContactSchema,
  updatePolicySchema,
} from "@/lib/people/schemas";
import { sendTestNotification } from "@/lib/people/test-notification";

const refresh = () => revalidatePath("/people", "layout");
const edit = actionClient.metadata({ permission: "people.edit" });

/** Adds a contact (counts as confirming their details). */
export const createContactAction = edit.inputSchema(contactFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const contact = await createContact(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(contactFieldsSchema, e),
  );
  refresh();
  return { id: contact.id };
});

/** Saves a contact; saving also confirms the details are current. */
export const updateContactAction = edit.inputSchema(updateContactSchema).action(async ({ parsedInput, ctx }) => {
  const contact = await updateContact(ctx.db, ctx.actor, parsedInput, { confirm: true }).catch((e) =>
    rethrowOnField(updateContactSchema, e),
  );
  refresh();
  return { id: contact.id, version: contact.version };
});

/** Marks a contact's details as checked today. */
export const confirmContactAction = edit.inputSchema(contactRefSchema).action(async ({ parsedInput, ctx }) => {
  const contact = await confirmContact(ctx.db, ctx.actor, parsedInput);
  refresh();
  return { id: contact.id, version: contact.version };
});

/** Deletes a contact no policy pages by name. */
export const deleteContactAction = edit.inputSchema(contactRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteContact(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Adds a notification channel. */
export const createChannelAction = edit.inputSchema(channelFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const channel = await createChannel(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(channelFieldsSchema, e),
  );
  refresh();
  return channel;
});

/** Saves a channel; a blank URL keeps the saved one. */
export const updateChannelAction = edit.inputSchema(updateChannelSchema).action(async ({ parsedInput, ctx }) => {
  const channel = await updateChannel(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(updateChannelSchema, e),
  );
  refresh();
  return channel;
});

/** Deletes a channel nothing uses. */
export const deleteChannelAction = edit.inputSchema(channelRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteChannel(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Sends one real test message through a channel and records it. */
export const testChannelAction = edit.inputSchema(testChannelSchema).action(async ({ parsedInput, ctx }) => {
  const result = await sendTestNotification(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Creates an escalation policy with its levels. */
export const createPolicyAction = edit.inputSchema(policyFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const policy = await createPolicy(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(policyFieldsSchema, e));
  refresh();
  return policy;
});

/** Saves a policy and all its levels at once; refused when someone else saved a newer version. */
export const updatePolicyAction = edit.inputSchema(updatePolicySchema).action(async ({ parsedInput, ctx }) => {
  const policy = await updatePolicy(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(updatePolicySchema, e));
  refresh();
  return policy;
});

/** Deletes a policy. */
export const deletePolicyAction = edit.inputSchema(policyRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deletePolicy(ctx.db, ctx.actor, parsedInput);
  refresh();
  return result;
});

/** Saves a notification matrix (fleet default or one system's) whole. */
export const saveMatrixAction = edit.inputSchema(saveMatrixSchema).action(async ({ parsedInput, ctx }) => {
  const result = await saveMatrix(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(saveMatrixSchema, e));
  refresh();
  return result;
});
