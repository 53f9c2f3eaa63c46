// The configuration as plan-as-code (YAML), whole or one system (?system=NAME), for signed-in people.
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { planDownload } from "@/lib/plans/download";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/plans/export", async (request: NextRequest) => {
  try {
    await requirePermission("plans.export");
    return await planDownload(getDb(), request.nextUrl.searchParams.get("system"));
  } catch (error) {
    return errorResponse(error);
  }
});
