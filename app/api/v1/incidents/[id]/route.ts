// GET /api/v1/incidents/{id} — one incident (id or INC-number) with its services, alerts and timeline.
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { incidentJson, timelineJson } from "@/lib/incidents/api";
import { findIncidentByRef } from "@/lib/incidents/queries";
import { findLatestTimeline } from "@/lib/incidents/timeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/incidents/[id]", method: "GET" }, async ({ params, db }) => {
  const incident = await findIncidentByRef(db, params.id);
  if (!incident) return apiError(404, { error: "No such incident" });
  const timeline = await findLatestTimeline(db, incident.id, 2000);
  return NextResponse.json(
    {
      ...incidentJson(incident),
      services: incident.services.map((s) => ({
        id: s.id,
        name: s.name,
        tier: s.tier,
        rtoMinutes: s.rtoMinutes,
        verifiedAt: s.verifiedAt?.toISOString() ?? null,
      })),
      alerts: incident.alerts.map((a) => ({
        ...a,
        firstSeenAt: a.firstSeenAt.toISOString(),
        lastSeenAt: a.lastSeenAt.toISOString(),
      })),
      timeline: timelineJson(timeline),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
