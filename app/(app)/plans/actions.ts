"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { importDocument } from "@/lib/plans/document";
import { applyPlanImportSchema, importRequestSchema } from "@/lib/plans/schemas";

const importer = actionClient.metadata({ permission: "plans.import" });

/** Reads a plan and lists what importing it would create and change; writes nothing. */
export const previewPlanImportAction = importer
  .inputSchema(importRequestSchema)
  .action(async ({ parsedInput, ctx }) =>
    importDocument(ctx.db, ctx.actor, parsedInput, { apply: false, canEditTiers: can(ctx.user.role, "tiers.edit") }),
  );

/** Applies a previewed plan in one transaction, refused when Lifeboat changed since the preview (fingerprint). */
export const applyPlanImportAction = importer
  .inputSchema(applyPlanImportSchema)
  .action(async ({ parsedInput: { fingerprint, ...request }, ctx }) => {
    const report = await importDocument(ctx.db, ctx.actor, request, {
      apply: true,
      canEditTiers: can(ctx.user.role, "tiers.edit"),
      expectedFingerprint: fingerprint,
    });
    if (report.outcome?.applied) revalidatePath("/", "layout");
    return report;
  });
