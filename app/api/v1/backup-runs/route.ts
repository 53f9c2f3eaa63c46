// Backup jobs report their runs here (bearer token with the backups:write scope). Same externalId again
// updates the run: 201 when created, 200 when updated, with the run as JSON.
import { NextResponse } from "next/server";
import { apiError, errorResponse, readJsonBody, validationError } from "@/lib/api/json";
import { backupRunSchema, timestampProblem, ingestBackupRun, MAX_BODY_BYTES } from "@/lib/backups/ingest";
import { getDb } from "@/lib/db/client";
import { checkBearerToken } from "@/lib/tokens/tokens";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = observed("/api/v1/backup-runs", async (request: Request) => {
  try {
    const db = getDb();
    const auth = await checkBearerToken(db, request.headers.get("authorization"), "backups:write");
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const parsed = backupRunSchema.safeParse(body.value);
    if (!parsed.success) return validationError(parsed.error);
    const future = timestampProblem(parsed.data, new Date());
    if (future) return apiError(422, { error: future.message, field: future.field });
    const { created, run } = await ingestBackupRun(db, parsed.data, auth.tokenId);
    return NextResponse.json(run, { status: created ? 201 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
});
