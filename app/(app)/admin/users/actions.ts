"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/safe-action";
import { createUserSchema, resetPasswordSchema, unlockUserSchema, updateUserSchema } from "@/lib/users/schemas";
import { createUser, resetUserPassword, unlockUser, updateUser } from "@/lib/users/users";

/** Creates a user and returns their one-time password (shown once to the admin). */
export const createUserAction = actionClient
  .metadata({ permission: "users.manage" })
  .inputSchema(createUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { user, temporaryPassword } = await createUser(ctx.db, ctx.actor, parsedInput);
    revalidatePath("/admin/users");
    return { id: user.id, email: user.email, temporaryPassword };
  });

/** Changes a user's name, role or active flag; refused when the version is stale or it would leave no admin. */
export const updateUserAction = actionClient
  .metadata({ permission: "users.manage" })
  .inputSchema(updateUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const user = await updateUser(ctx.db, ctx.actor, parsedInput);
    revalidatePath("/admin/users");
    return { id: user.id, version: user.version };
  });

/** Replaces a user's password with a new one-time password. */
export const resetPasswordAction = actionClient
  .metadata({ permission: "users.manage" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { user, temporaryPassword } = await resetUserPassword(ctx.db, ctx.actor, parsedInput);
    revalidatePath("/admin/users");
    return { id: user.id, email: user.email, temporaryPassword };
  });

/** Forgets a user's failed sign-ins: no address has to wait before trying their account again. */
export const unlockUserAction = actionClient
  .metadata({ permission: "users.unlock" })
  .inputSchema(unlockUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await unlockUser(ctx.db, ctx.actor, parsedInput);
    revalidatePath("/admin/users");
    return result;
  });
