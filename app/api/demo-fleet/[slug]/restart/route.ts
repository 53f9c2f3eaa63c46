// "Restart" a simulated demo service, as a runbook's HTTP step would call a deploy or cloud API: 202, and
// the service answers healthy a few seconds later. Public on purpose: it only touches the simulation.
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { RESTART_SECONDS, requestRestart } from "@/lib/demo-fleet/fleet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/demo-fleet/[slug]/restart", method: "POST" }, async ({ params, db }) => {
  const state = await requestRestart(db, params.slug.slice(0, 64));
  if (!state) return apiError(404, { error: "No such demo service" });
  return NextResponse.json(
    {
      service: state.name,
      status: state.healthy ? "ok" : "restarting",
      healthyInSeconds: state.healthy ? 0 : RESTART_SECONDS,
    },
    { status: 202 },
  );
});
