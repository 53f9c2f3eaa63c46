// The evidence pack (JSON with a SHA-256 of its content) for the filters in the query string.
import { NextResponse } from "next/server";
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { evidencePack } from "@/lib/compliance/evidence";
import { findComplianceView } from "@/lib/compliance/queries";
import { readStrictFilter } from "@/lib/compliance/view";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/compliance/evidence", method: "GET" }, async ({ request, user, db }) => {
  const read = readStrictFilter(Object.fromEntries(request.nextUrl.searchParams));
  if (!read.ok) return validationError(read.error, 400);
  const { filter } = read;
  const view = await findComplianceView(db, filter);
  const now = new Date();
  const pack = evidencePack(view, filter, { generatedAt: now, generatedBy: user.email });
  return NextResponse.json(pack, {
    headers: {
      "Content-Disposition": `attachment; filename="lifeboat-evidence-${now.toISOString().slice(0, 10)}.json"`,
      "X-Content-SHA256": pack.sha256,
      "Cache-Control": "no-store",
    },
  });
});
