// Polling fallback for the live timeline (when an EventSource cannot open): events after ?after=N, as JSON.
import { NextResponse } from "next/server";
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { parseStreamQuery } from "@/lib/incidents/stream/query";
import { findTimelineEvents } from "@/lib/incidents/timeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/incidents/events", method: "GET" }, async ({ request, db }) => {
  const query = parseStreamQuery(request.nextUrl, null);
  if (!query.ok) return validationError(query.error, 400);
  const events = await findTimelineEvents(db, { incidentId: query.incidentId, afterId: query.afterId ?? undefined });
  return NextResponse.json({ events }, { headers: { "Cache-Control": "no-store" } });
});
