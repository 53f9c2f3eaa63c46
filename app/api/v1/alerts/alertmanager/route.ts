// Prometheus Alertmanager webhook receiver (payload version 4). Point a receiver's webhook_config at
// this URL with `http_config.authorization.credentials` set to an API token with the alerts:write scope.
// 200 with the incident; 400 for an invalid payload (nothing stored); 503 when the database is down, so
// Alertmanager retries and nothing is lost.
import { NextResponse } from "next/server";
import { apiError, errorResponse, readJsonBody, validationError } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { alertmanagerSchema, fromAlertmanager } from "@/lib/incidents/alerts/alertmanager";
import { ingestAlertGroup } from "@/lib/incidents/alerts/intake";
import { ALERT_BODY_LIMIT, checkAlertToken } from "@/lib/incidents/alerts/route-auth";
import { appJobs } from "@/lib/jobs/app-jobs";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = observed("/api/v1/alerts/alertmanager", async (request: Request) => {
  try {
    const db = getDb();
    const auth = await checkAlertToken(db, request.headers.get("authorization"));
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    const body = await readJsonBody(request, ALERT_BODY_LIMIT);
    if (!body.ok) return body.response;
    const parsed = alertmanagerSchema.safeParse(body.value);
    if (!parsed.success) return validationError(parsed.error, 400);
    const result = await ingestAlertGroup(db, await appJobs(), fromAlertmanager(parsed.data));
    return NextResponse.json({ status: "ok", ...result }, { status: 200 });
  } catch (error) {
    return errorResponse(error);
  }
});
