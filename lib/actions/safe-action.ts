// Every server action goes through this client: timing and request id → zod input → permission (fail
// closed) → handler, given ctx.user, ctx.actor and ctx.db. Handlers run domain code from lib, which writes in
// a transaction with its audit event.
import "server-only";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { z } from "zod";
import { PERMISSION_NAMES, type Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError, isAppError, isDatabaseUnreachable } from "@/lib/errors";
import { logger } from "@/lib/log";
import { findUnstorableText } from "@/lib/storable-text";
import { DATABASE_DOWN_ACTION_ERROR, UNEXPECTED_ACTION_ERROR } from "./messages";
import { actionRequest, noteActionStatus, observeAction } from "@/lib/observability/action";

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: z.enum(PERMISSION_NAMES as [Permission, ...Permission[]]) }),
  defaultValidationErrorsShape: "formatted",
  handleServerError(error) {
    noteActionStatus(isAppError(error) ? error.httpStatus : isDatabaseUnreachable(error) ? 503 : 500);
    if (isAppError(error)) return error.userMessage;
    if (isDatabaseUnreachable(error)) return DATABASE_DOWN_ACTION_ERROR;
    logger.error({ err: error }, "server action failed");
    return UNEXPECTED_ACTION_ERROR;
  },
})
  // First, so it times (and gives the request id to) everything after it, the permission check included.
  .use(async ({ next }) => observeAction(await actionRequest(), () => next()))
  .use(async ({ next, metadata, clientInput }) => {
    // Metadata is required: an action without a permission is refused rather than left open.
    if (!metadata?.permission) throw new Error("Action defined without a permission");
    const user = await requirePermission(metadata.permission);
    // Text Postgres cannot hold as sent (NUL, lone surrogates) is refused for every action before any write.
    const unstorable = findUnstorableText(clientInput);
    if (unstorable)
      throw new AppError("VALIDATION", {
        userMessage: `Text ${unstorable.message} (${unstorable.field}).`,
        field: unstorable.field,
      });
    // The one place an action gets the database: handlers pass ctx.db to lib (app/ may not import the client).
    return next({ ctx: { user, actor: { id: user.id, email: user.email }, db: getDb() } });
  });

/**
 * Domain errors that name a field (a duplicate name, an unknown dependency) are shown on that field,
 * like a validation error, instead of as a banner.
 */
export function rethrowOnField<S extends StandardSchemaV1>(schema: S, error: unknown): never {
  if (isAppError(error) && error.field) {
    returnValidationErrors(schema, { [error.field]: { _errors: [error.userMessage] } } as never);
  }
  throw error;
}
