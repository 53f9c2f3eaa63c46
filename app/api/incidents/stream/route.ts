// The live timeline as server-sent events, for signed-in readers. ?incident=ID for one incident (else all:
// the dashboard); ?after=N or Last-Event-ID to resume. Without either, it starts from now.
import type { NextRequest } from "next/server";
import { apiError, errorResponse } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { appTimelineHub } from "@/lib/incidents/stream/app-hub";
import { parseStreamQuery } from "@/lib/incidents/stream/query";
import { timelineStream } from "@/lib/incidents/stream/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  try {
    await requirePermission("incidents.read");
    const query = parseStreamQuery(request.nextUrl, request.headers.get("last-event-id"));
    if (!query) return apiError(400, { error: "incident and after must be an id and an event number" });
    const afterId = query.afterId ?? (await latestId());
    return await timelineStream({ hub: appTimelineHub(), incidentId: query.incidentId, afterId, signal: request.signal });
  } catch (error) {
    if (isAppError(error)) return apiError(error.httpStatus, { error: error.userMessage });
    return errorResponse(error);
  }
}

async function latestId() {
  const rows = await getDb().$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "TimelineEvent"`;
  return rows[0]?.max ?? BigInt(0);
}
