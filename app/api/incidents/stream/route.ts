// The live timeline as server-sent events, for signed-in readers. ?incident=ID for one incident (else all:
// the dashboard); ?after=N or Last-Event-ID to resume. Without either, it starts from now. Streams are capped
// per user and per process (lib/incidents/stream/stream-slots.ts): beyond a cap, 429 with Retry-After.
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/json";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { appTimelineHub } from "@/lib/incidents/stream/app-hub";
import { parseStreamQuery } from "@/lib/incidents/stream/query";
import { timelineStream } from "@/lib/incidents/stream/sse";
import { appStreamSlots } from "@/lib/incidents/stream/stream-slots";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/incidents/stream", async (request: NextRequest) => {
  try {
    const user = await requirePermission("incidents.read");
    const query = parseStreamQuery(request.nextUrl, request.headers.get("last-event-id"));
    if (!query.ok) return validationError(query.error, 400);
    const slot = appStreamSlots().acquire(user.id);
    if (!slot.ok) return tooManyStreams(slot.cap, slot.limit);
    try {
      const afterId = query.afterId ?? (await latestId());
      const stillAllowed = await accessCheck(user.id);
      return await timelineStream({ hub: appTimelineHub(), incidentId: query.incidentId, afterId, stillAllowed, signal: request.signal, onClose: slot.release });
    } catch (error) {
      slot.release();
      throw error;
    }
  } catch (error) {
    return errorResponse(error);
  }
});

/** How long a refused client should wait: the browser polls meanwhile and retries the stream as often. */
const RETRY_AFTER_SECONDS = 30;

function tooManyStreams(cap: "user" | "process", limit: number) {
  const error =
    cap === "user"
      ? `Too many live streams open for this user (${limit}); close other tabs. The page polls instead.`
      : `This server holds its maximum of ${limit} live streams; the page polls instead.`;
  return NextResponse.json({ error, cap, limit }, { status: 429, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });
}

/** Re-reads the user while the stream is open: deactivation, a role without access, or a password change end it. */
async function accessCheck(userId: string) {
  const select = { active: true, role: true, passwordHash: true } as const;
  const opened = await getDb().user.findUnique({ where: { id: userId }, select });
  return async () => {
    const now = await getDb().user.findUnique({ where: { id: userId }, select });
    return Boolean(now?.active && can(now.role, "incidents.read") && now.passwordHash === opened?.passwordHash);
  };
}

async function latestId() {
  const rows = await getDb().$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "TimelineEvent"`;
  return rows[0]?.max ?? BigInt(0);
}
