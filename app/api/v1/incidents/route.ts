// GET /api/v1/incidents?status=open|detected|…&system=NAME_OR_ID&since=ISO&limit=N — for dashboards and
// scripts; bearer token with the `read` scope. Newest first.
import { NextResponse } from "next/server";
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { incidentJson, incidentListQuery } from "@/lib/incidents/api";
import { findIncidents } from "@/lib/incidents/queries";
import { findSystemId } from "@/lib/inventory/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/incidents", method: "GET" }, async ({ request, db }) => {
  const parsed = incidentListQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error, 400);
  const { status, system, since, limit } = parsed.data;
  let systemId: string | undefined;
  if (system) {
    const found = await findSystemId(db, system);
    if (!found) return NextResponse.json({ incidents: [] });
    systemId = found;
  }
  const incidents = await findIncidents(db, { status, systemId, since, limit });
  return NextResponse.json({ incidents: incidents.map(incidentJson) }, { headers: { "Cache-Control": "no-store" } });
});
