// Health endpoint of a simulated demo service: 200 when up, 503 when broken (public, like a real one).
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { findDemoHealth } from "@/lib/demo-fleet/fleet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/demo-fleet/[slug]/health", method: "GET" }, async ({ params, db }) => {
  const state = await findDemoHealth(db, params.slug.slice(0, 64));
  if (!state) return apiError(404, { error: "No such demo service" });
  return NextResponse.json(
    { service: state.name, status: state.healthy ? "ok" : state.restarting ? "restarting" : "down" },
    { status: state.healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
