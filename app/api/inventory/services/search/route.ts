// Service picker for the dependency editor: up to 20 services whose name matches, for signed-in readers.
import { NextResponse } from "next/server";
import { z } from "zod";
import { validationError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { searchServices } from "@/lib/inventory/service-search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({ q: z.string().trim().max(120).default(""), exclude: z.string().max(64).optional() });

export const GET = apiRoute({ route: "/api/inventory/services/search", method: "GET" }, async ({ request, db }) => {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error, 400);
  return NextResponse.json({ services: await searchServices(db, parsed.data.q, parsed.data.exclude) });
});
