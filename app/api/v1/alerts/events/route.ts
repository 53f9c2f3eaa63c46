// PagerDuty Events API v2 compatible intake: trigger, acknowledge, resolve by dedup_key. Answers like
// PagerDuty (202 {status, message, dedup_key}; 400 {status: "invalid event", errors}). The token goes in
// `Authorization: Bearer …` or, as Events API senders only fill it, in routing_key.
import { NextResponse } from "next/server";
import { apiError, errorResponse, readJsonBody } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { accepted, eventsApiSchema, invalidEvent, triggerGroup } from "@/lib/incidents/alerts/events-api";
import { acknowledgeAlert, ingestAlertGroup, resolveAlert } from "@/lib/incidents/alerts/intake";
import { ALERT_BODY_LIMIT, checkAlertToken } from "@/lib/incidents/alerts/route-auth";
import { appJobs } from "@/lib/jobs/app-jobs";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = observed("/api/v1/alerts/events", async (request: Request) => {
  try {
    const db = getDb();
    const body = await readJsonBody(request, ALERT_BODY_LIMIT);
    const routingKey = body.ok && body.value && typeof body.value === "object" ? (body.value as { routing_key?: unknown }).routing_key : undefined;
    const auth = await checkAlertToken(db, request.headers.get("authorization"), routingKey);
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    if (!body.ok) return body.response;
    const parsed = eventsApiSchema.safeParse(body.value);
    if (!parsed.success) return NextResponse.json(invalidEvent(parsed.error), { status: 400 });
    const event = parsed.data;
    if (event.event_action === "trigger") {
      const group = triggerGroup(event);
      await ingestAlertGroup(db, await appJobs(), group);
      return NextResponse.json(accepted(group.groupKey), { status: 202 });
    }
    const dedupKey = event.dedup_key!;
    if (event.event_action === "acknowledge") await acknowledgeAlert(db, "events_api", dedupKey);
    else await resolveAlert(db, await appJobs(), "events_api", dedupKey);
    return NextResponse.json(accepted(dedupKey), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
});
