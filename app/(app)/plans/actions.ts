"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { importDocument, importRequestSchema } from "@/lib/plans/document";

const importer = actionClient.metadata({ permission: "plans.import" });

/** Reads a plan and lists what importing it would create and change; writes nothing. */
export const previewPlanImportAction = importer.inputSchema(importRequestSchema).action(async ({ parsedInput, ctx }) =>
  importDocument(ctx.db, ctx.actor, parsedInput, { apply: false, canEditTiers: can(ctx.user.role, "tiers.edit") }),
);

/** Applies a previewed plan in one transaction, refused when Lifeboat changed since the preview (fingerprint). */
const applySchema = importRequestSchema.extend({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Preview the plan first") });

export const applyPlanImportAction = importer.inputSchema(applySchema).action(async ({ parsedInput: { fingerprint, ...request }, ctx }) => {
  const report = await importDocument(ctx.db, ctx.actor, request, { apply: true, canEditTiers: can(ctx.user.role, "tiers.edit"), expectedFingerprint: fingerprint });
  if (report.outcome?.applied) revalidatePath("/", "layout");
  return report;
});
