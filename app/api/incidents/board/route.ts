// The command board's data as JSON, for the open board to re-read the moment the live stream says an incident
// changed: one cheap request instead of re-rendering the whole page (whose refresh also re-prefetched every
// navigation link, a dozen page renders per event). Same filters as the page's URL (?unack, mine, system, severity).
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBoardFilters } from "@/lib/incidents/board-filters";
import { findBoard } from "@/lib/incidents/dashboard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/incidents/board", method: "GET" }, async ({ request, db, user }) => {
  const params: Record<string, string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) (params[key] ??= []).push(value);
  const board = await findBoard(db, { filters: parseBoardFilters(params), userId: user.id });
  return NextResponse.json(board, { headers: { "Cache-Control": "no-store" } });
});
