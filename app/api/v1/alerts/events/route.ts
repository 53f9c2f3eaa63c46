// PagerDuty Events API v2 compatible intake: trigger, acknowledge, resolve by dedup_key. Answers like
// PagerDuty (202 {status, message, dedup_key}; 400 {status: "invalid event", errors}). The token goes in
// `Authorization: Bearer …` or, as Events API senders only fill it, in routing_key (lib/api/routes.ts).
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { accepted, eventsApiSchema, invalidEvent, triggerGroup } from "@/lib/incidents/alerts/events-api";
import { acknowledgeAlert, ingestAlertGroup, resolveAlert } from "@/lib/incidents/alerts/intake";
import { ALERT_BODY_LIMIT } from "@/lib/incidents/alerts/route-auth";
import { appJobs } from "@/lib/jobs/app-jobs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = {
  schema: eventsApiSchema,
  maxBytes: ALERT_BODY_LIMIT,
  invalid: (error: Parameters<typeof invalidEvent>[0]) => NextResponse.json(invalidEvent(error), { status: 400 }),
};

export const POST = apiRoute({ route: "/api/v1/alerts/events", method: "POST", body }, async ({ body: event, db }) => {
  if (event.event_action === "trigger") {
    const group = triggerGroup(event);
    await ingestAlertGroup(db, await appJobs(), group);
    return NextResponse.json(accepted(group.groupKey), { status: 202 });
  }
  const dedupKey = event.dedup_key!;
  if (event.event_action === "acknowledge") await acknowledgeAlert(db, "events_api", dedupKey);
  else await resolveAlert(db, await appJobs(), "events_api", dedupKey);
  return NextResponse.json(accepted(dedupKey), { status: 202 });
});
