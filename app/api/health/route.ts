// Liveness with a database round trip: 200 when Postgres answers, 503 with the reason when not.
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { checkDatabase } from "@/lib/db/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/health", method: "GET" }, async ({ db }) => {
  const database = await checkDatabase(db);
  const body = database.ok
    ? { status: "ok", database: { status: "ok", latencyMs: database.latencyMs } }
    : { status: "unavailable", database: { status: "unreachable", reason: database.reason } };
  return NextResponse.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
