"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { backupPolicyFieldsSchema, backupPolicyRefSchema, createBackupPolicy, deleteBackupPolicy, updateBackupPolicy, updateBackupPolicySchema } from "@/lib/backups/policies";
import { getDb } from "@/lib/db/client";

const edit = actionClient.metadata({ permission: "backups.edit" });

/** Adds a backup policy to a service. */
export const createBackupPolicyAction = edit.inputSchema(backupPolicyFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const policy = await createBackupPolicy(getDb(), ctx.actor, parsedInput).catch((e) => rethrowOnField(backupPolicyFieldsSchema, e));
  revalidatePath("/backups", "layout");
  return policy;
});

/** Saves a backup policy (version-checked). */
export const updateBackupPolicyAction = edit.inputSchema(updateBackupPolicySchema).action(async ({ parsedInput, ctx }) => {
  const policy = await updateBackupPolicy(getDb(), ctx.actor, parsedInput).catch((e) => rethrowOnField(updateBackupPolicySchema, e));
  revalidatePath("/backups", "layout");
  return policy;
});

/** Deletes a backup policy and its run history. */
export const deleteBackupPolicyAction = edit.inputSchema(backupPolicyRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteBackupPolicy(getDb(), ctx.actor, parsedInput);
  revalidatePath("/backups", "layout");
  return result;
});
