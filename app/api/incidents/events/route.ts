// Polling fallback for the live timeline (when an EventSource cannot open): events after ?after=N, as JSON.
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { parseStreamQuery } from "@/lib/incidents/stream/query";
import { readTimeline } from "@/lib/incidents/timeline";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/incidents/events", async (request: NextRequest) => {
  try {
    await requirePermission("incidents.read");
    const query = parseStreamQuery(request.nextUrl, null);
    if (!query.ok) return validationError(query.error, 400);
    const events = await readTimeline(getDb(), { incidentId: query.incidentId, afterId: query.afterId ?? undefined });
    return NextResponse.json({ events }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
});
