"use server";

import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { changePasswordSchema } from "@/lib/users/schemas";
import { changeOwnPassword } from "@/lib/users/users";

/** Replaces the signed-in user's own password (the current one is required). */
export const changePasswordAction = actionClient
  .metadata({ permission: "app.read" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changeOwnPassword(ctx.db, ctx.actor, parsedInput).catch((e) => rethrowOnField(changePasswordSchema, e));
    return { changed: true };
  });
