// Input schemas for the API token writes (lib/tokens/tokens.ts), with their inferred types.
import { z } from "zod";
import { TOKEN_SCOPES } from "./scopes";

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `Scopes are ${TOKEN_SCOPES.join(", ")}` }))
    .min(1, "Choose at least one scope")
    .transform((s) => [...new Set(s)]),
});
export const revokeTokenSchema = z.object({ id: z.string().min(1).max(64) });
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
