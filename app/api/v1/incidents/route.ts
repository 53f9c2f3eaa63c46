// GET /api/v1/incidents?status=open|detected|…&system=NAME_OR_ID&since=ISO&limit=N — for dashboards and
// scripts; bearer token with the `read` scope. Newest first.
import { NextResponse, type NextRequest } from "next/server";
import { apiError, errorResponse, validationError } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { incidentJson, incidentListQuery } from "@/lib/incidents/api";
import { findIncidents } from "@/lib/incidents/queries";
import { checkBearerToken } from "@/lib/tokens/tokens";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/v1/incidents", async (request: NextRequest) => {
  try {
    const db = getDb();
    const auth = await checkBearerToken(db, request.headers.get("authorization"), "read");
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    const parsed = incidentListQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) return validationError(parsed.error, 400);
    const { status, system, since, limit } = parsed.data;
    let systemId: string | undefined;
    if (system) {
      const found = await db.system.findFirst({ where: { OR: [{ id: system }, { name: { equals: system, mode: "insensitive" } }] }, select: { id: true } });
      if (!found) return NextResponse.json({ incidents: [] });
      systemId = found.id;
    }
    const incidents = await findIncidents(db, { status, systemId, since, limit });
    return NextResponse.json({ incidents: incidents.map(incidentJson) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
});
