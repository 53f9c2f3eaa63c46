// GET /api/v1/incidents/{id} — one incident (id or INC-number) with its services, alerts and timeline.
import { NextResponse } from "next/server";
import { apiError, errorResponse } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { incidentJson, timelineJson } from "@/lib/incidents/api";
import { findIncident } from "@/lib/incidents/queries";
import { latestTimeline } from "@/lib/incidents/timeline";
import { checkBearerToken } from "@/lib/tokens/tokens";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/v1/incidents/[id]", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const db = getDb();
    const auth = await checkBearerToken(db, request.headers.get("authorization"), "read");
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    const { id } = await params;
    const byNumber = /^INC-(\d{1,9})$/i.exec(id);
    const incidentId = byNumber ? (await db.incident.findUnique({ where: { number: Number(byNumber[1]) }, select: { id: true } }))?.id : id.slice(0, 64);
    const incident = incidentId ? await findIncident(db, incidentId) : null;
    if (!incident) return apiError(404, { error: "No such incident" });
    const timeline = await latestTimeline(db, incident.id, 2000);
    return NextResponse.json(
      {
        ...incidentJson(incident),
        services: incident.services.map((s) => ({ id: s.id, name: s.name, tier: s.tier, rtoMinutes: s.rtoMinutes, verifiedAt: s.verifiedAt?.toISOString() ?? null })),
        alerts: incident.alerts.map((a) => ({ ...a, firstSeenAt: a.firstSeenAt.toISOString(), lastSeenAt: a.lastSeenAt.toISOString() })),
        timeline: timelineJson(timeline),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
});
