"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { createBackupPolicy, deleteBackupPolicy, updateBackupPolicy } from "@/lib/backups/policies";
import { backupPolicyFieldsSchema, backupPolicyRefSchema, updateBackupPolicySchema } from "@/lib/backups/schemas";

const edit = actionClient.metadata({ permission: "backups.edit" });

/** Adds a backup policy to a service. */
export const createBackupPolicyAction = edit
  .inputSchema(backupPolicyFieldsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const policy = await createBackupPolicy(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(backupPolicyFieldsSchema, e),
    );
    revalidatePath("/backups", "layout");
    return policy;
  });

/** Saves a backup policy (version-checked). */
export const updateBackupPolicyAction = edit
  .inputSchema(updateBackupPolicySchema)
  .action(async ({ parsedInput, ctx }) => {
    const policy = await updateBackupPolicy(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(updateBackupPolicySchema, e),
    );
    revalidatePath("/backups", "layout");
    return policy;
  });

/** Deletes a backup policy and its run history. */
export const deleteBackupPolicyAction = edit.inputSchema(backupPolicyRefSchema).action(async ({ parsedInput, ctx }) => {
  const result = await deleteBackupPolicy(ctx.db, ctx.actor, parsedInput);
  revalidatePath("/backups", "layout");
  return result;
});
