// Input schemas for importing a plan (preview and apply: the page's actions, the API route and the CLI), with
// their inferred types.
import { z } from "zod";
import { MAX_PLAN_BYTES } from "./format";

export const importRequestSchema = z.object({
  // Limits in characters here; readPlanDocument checks the byte size (2 MB) and says so.
  text: z.string().max(MAX_PLAN_BYTES + 1, "The plan is over 2 MB"),
  fileName: z.string().trim().max(255).optional(),
  systemName: z.string().trim().max(120).optional(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** Applying names the preview it confirms: the fingerprint of what the person saw. */
export const applyPlanImportSchema = importRequestSchema.extend({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Preview the plan first"),
});
