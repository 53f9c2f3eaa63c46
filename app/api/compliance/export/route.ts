// CSV of the compliance table for the filters in the query string (the same view as the page).
import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findComplianceRows } from "@/lib/compliance/queries";
import { readStrictFilter, toCsv, worstFirst } from "@/lib/compliance/view";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/compliance/export", async (request: NextRequest) => {
  try {
    await requirePermission("compliance.read");
    const read = readStrictFilter(Object.fromEntries(request.nextUrl.searchParams));
    if (!read.ok) return validationError(read.error, 400);
    const { filter } = read;
    const rows = worstFirst(await findComplianceRows(getDb(), filter));
    const date = new Date().toISOString().slice(0, 10);
    return new Response(toCsv(rows), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="lifeboat-compliance-${date}.csv"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
