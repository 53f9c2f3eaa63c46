// The configuration as plan-as-code (YAML), whole or one system (?system=NAME), for signed-in people.
import { apiRoute } from "@/lib/api/route";
import { planDownload } from "@/lib/plans/download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/plans/export", method: "GET" }, ({ request, db }) =>
  planDownload(db, request.nextUrl.searchParams.get("system")),
);
