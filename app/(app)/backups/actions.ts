"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { backupPolicyFieldsSchema, backupPolicyRefSchema, createBackupPolicy, deleteBackupPolicy, updateBackupPolicy, updateBackupPolicySchema } from "@/lib/backups/policies";

const edit = actionClient.metadata({ permission: "backups.edit" });

/** Adds a backup policy to a service. */
export const createBackupPolicyAction = edit.inputSchema(backupPolicyFieldsSchema).action(async ({ parsedInput, ctx }) => {
  const policy = await createBackupPolicy(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(backupPolicyFieldsSchema, e));
  revalidatePath("/backups", "layout");
  return policy;
});

/** Saves a backup policy (version-checked). */
export const updateBackupPolicyAction = edit.inputSchema(updateBackupPolicySchema).action(async ({ parsedInput, ctx }) => {
  const policy = await updateBackupPolicy(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(updateBackupPolicySchema, e));
  revalidatePath("/backups", "layout");
  return policy;
});

/** Deletes a backup policy and its run history. */
export const deleteBackupPolicyAction = edit.inputSchema(backupPolicyRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteBackupPolicy(ctx.db, ctx.actor, parsedInput);
  revalidatePath("/backups", "layout");
  return result;
});
