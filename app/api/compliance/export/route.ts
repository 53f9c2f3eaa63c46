// CSV of the compliance table for the filters in the query string (the same view as the page).
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { findComplianceRows } from "@/lib/compliance/queries";
import { readStrictFilter, toCsv, worstFirst } from "@/lib/compliance/view";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/compliance/export", method: "GET" }, async ({ request, db }) => {
  const read = readStrictFilter(Object.fromEntries(request.nextUrl.searchParams));
  if (!read.ok) return validationError(read.error, 400);
  const { filter } = read;
  const rows = worstFirst(await findComplianceRows(db, filter));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lifeboat-compliance-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
