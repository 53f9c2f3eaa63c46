"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/safe-action";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { createApiToken, revokeApiToken } from "@/lib/tokens/tokens";

const manage = actionClient.metadata({ permission: "tokens.manage" });

/** Creates an API token; the secret is returned this once and never again. */
export const createTokenAction = manage.inputSchema(createTokenSchema).action(async ({ parsedInput, ctx }) => {
  const created = await createApiToken(ctx.db, ctx.actor, parsedInput);
  revalidatePath("/admin/tokens");
  return { id: created.id, name: created.name, token: created.token };
});

/** Revokes an API token: every later request with it gets 401. */
export const revokeTokenAction = manage.inputSchema(revokeTokenSchema).action(async ({ parsedInput, ctx }) => {
  await revokeApiToken(ctx.db, ctx.actor, parsedInput);
  revalidatePath("/admin/tokens");
  return { id: parsedInput.id };
});
