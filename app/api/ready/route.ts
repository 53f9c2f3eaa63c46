// Readiness (for load balancers and orchestrators): 200 when the database answers, every migration is applied
// and a job worker runs; 503 naming the failing check otherwise. Public like /api/health: probes have no
// session, and the answer holds check names and short reasons only.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/operate/ready";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/ready", async () => {
  const readiness = await checkReadiness(getDb(), { workerMode: env().WORKER });
  return NextResponse.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
