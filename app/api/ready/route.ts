// Readiness (for load balancers and orchestrators): 200 when the database answers, every migration is applied
// and a job worker runs; 503 naming the failing check otherwise. Public like /api/health: probes have no
// session, and the answer holds check names and short reasons only.
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/operate/ready";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/ready", method: "GET" }, async ({ db }) => {
  const readiness = await checkReadiness(db, { workerMode: env().WORKER });
  return NextResponse.json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
