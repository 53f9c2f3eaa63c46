// GET: the configuration as plan-as-code (YAML), whole or ?system=NAME, for a token with the plans:read scope
// (its own scope: a plan holds every contact's phone and every runbook's commands)
// (what `npm run plan -- export` calls when LIFEBOAT_URL is set).
import type { NextRequest } from "next/server";
import { apiError, errorResponse } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { planDownload } from "@/lib/plans/download";
import { checkBearerToken } from "@/lib/tokens/tokens";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/v1/plans", async (request: NextRequest) => {
  try {
    const db = getDb();
    const auth = await checkBearerToken(db, request.headers.get("authorization"), "plans:read");
    if (!auth.ok) return apiError(auth.status, { error: auth.error });
    return await planDownload(db, request.nextUrl.searchParams.get("system"));
  } catch (error) {
    return errorResponse(error);
  }
});
