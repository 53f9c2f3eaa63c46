// Liveness with a database round trip: 200 when Postgres answers, 503 with the reason when not.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/health", async () => {
  const database = await checkDatabase(getDb());
  const body = database.ok
    ? { status: "ok", database: { status: "ok", latencyMs: database.latencyMs } }
    : { status: "unavailable", database: { status: "unreachable", reason: database.reason } };
  return NextResponse.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
