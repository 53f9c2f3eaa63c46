// The live timeline as server-sent events, for signed-in readers. ?incident=ID for one incident (else all:
// the dashboard); ?after=N or Last-Event-ID to resume. Without either, it starts from now. Streams are capped
// per user and per process (lib/incidents/stream/stream-slots.ts): beyond a cap, 429 with Retry-After.
import { NextResponse } from "next/server";
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { findLatestTimelineEventId } from "@/lib/incidents/queries";
import { streamAccessCheck } from "@/lib/incidents/stream/access";
import { appTimelineHub } from "@/lib/incidents/stream/app-hub";
import { parseStreamQuery } from "@/lib/incidents/stream/query";
import { timelineStream } from "@/lib/incidents/stream/sse";
import { appStreamSlots } from "@/lib/incidents/stream/stream-slots";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/incidents/stream", method: "GET" }, async ({ request, user, db }) => {
  const query = parseStreamQuery(request.nextUrl, request.headers.get("last-event-id"));
  if (!query.ok) return validationError(query.error, 400);
  const slot = appStreamSlots().acquire(user.id);
  if (!slot.ok) return tooManyStreams(slot.cap, slot.limit);
  try {
    const afterId = query.afterId ?? (await findLatestTimelineEventId(db));
    const stillAllowed = await streamAccessCheck(db, user.id);
    return await timelineStream({
      hub: appTimelineHub(),
      incidentId: query.incidentId,
      afterId,
      stillAllowed,
      signal: request.signal,
      onClose: slot.release,
    });
  } catch (error) {
    slot.release();
    throw error;
  }
});

/** How long a refused client should wait: the browser polls meanwhile and retries the stream as often. */
const RETRY_AFTER_SECONDS = 30;

function tooManyStreams(cap: "user" | "process", limit: number) {
  const error =
    cap === "user"
      ? `Too many live streams open for this user (${limit}); close other tabs. The page polls instead.`
      : `This server holds its maximum of ${limit} live streams; the page polls instead.`;
  return NextResponse.json(
    { error, cap, limit },
    { status: 429, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}
