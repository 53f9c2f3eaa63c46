// Backup jobs report their runs here (bearer token with the backups:write scope). Same externalId again
// updates the run: 201 when created, 200 when updated, with the run as JSON.
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { timestampProblem, ingestBackupRun, MAX_BODY_BYTES } from "@/lib/backups/ingest";
import { backupRunSchema } from "@/lib/backups/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { route: "/api/v1/backup-runs", method: "POST", body: { schema: backupRunSchema, maxBytes: MAX_BODY_BYTES } },
  async ({ body, token, db }) => {
    const future = timestampProblem(body, new Date());
    if (future) return apiError(422, { error: future.message, field: future.field });
    const { created, run } = await ingestBackupRun(db, body, token.id);
    return NextResponse.json(run, { status: created ? 201 : 200 });
  },
);
