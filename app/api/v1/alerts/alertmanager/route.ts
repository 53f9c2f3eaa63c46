// Prometheus Alertmanager webhook receiver (payload version 4). Point a receiver's webhook_config at
// this URL with `http_config.authorization.credentials` set to an API token with the alerts:write scope.
// 200 with the incident; 400 for an invalid payload (nothing stored); 503 when the database is down, so
// Alertmanager retries and nothing is lost.
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { alertmanagerSchema, fromAlertmanager } from "@/lib/incidents/alerts/alertmanager";
import { ingestAlertGroup } from "@/lib/incidents/alerts/intake";
import { ALERT_BODY_LIMIT } from "@/lib/incidents/alerts/route-auth";
import { appJobs } from "@/lib/jobs/app-jobs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    route: "/api/v1/alerts/alertmanager",
    method: "POST",
    body: { schema: alertmanagerSchema, maxBytes: ALERT_BODY_LIMIT, invalid: 400 },
  },
  async ({ body, db }) => {
    const result = await ingestAlertGroup(db, await appJobs(), fromAlertmanager(body));
    return NextResponse.json({ status: "ok", ...result }, { status: 200 });
  },
);
