// Health endpoint of a simulated demo service: 200 when up, 503 when broken (public, like a real one).
import { NextResponse } from "next/server";
import { apiError, errorResponse } from "@/lib/api/json";
import { getDb } from "@/lib/db/client";
import { demoHealth } from "@/lib/demo-fleet/fleet";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/demo-fleet/[slug]/health", async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    const state = await demoHealth(getDb(), (await params).slug.slice(0, 64));
    if (!state) return apiError(404, { error: "No such demo service" });
    return NextResponse.json({ service: state.name, status: state.healthy ? "ok" : state.restarting ? "restarting" : "down" }, { status: state.healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
});
