// GET: the configuration as plan-as-code (YAML), whole or ?system=NAME, for a token with the plans:read scope
// (its own scope: a plan holds every contact's phone and every runbook's commands)
// (what `npm run plan -- export` calls when LIFEBOAT_URL is set).
import { apiRoute } from "@/lib/api/route";
import { planDownload } from "@/lib/plans/download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/plans", method: "GET" }, ({ request, db }) =>
  planDownload(db, request.nextUrl.searchParams.get("system")),
);
