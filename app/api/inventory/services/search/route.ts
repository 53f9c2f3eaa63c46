// Service picker for the dependency editor: up to 20 services whose name matches, for signed-in readers.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { validationError } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { searchServices } from "@/lib/inventory/service-search";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({ q: z.string().trim().max(120).default(""), exclude: z.string().max(64).optional() });

export const GET = observed("/api/inventory/services/search", async (request: NextRequest) => {
  try {
    await requirePermission("inventory.read");
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: error.userMessage }, { status: error.httpStatus });
    throw error;
  }
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error, 400);
  return NextResponse.json({ services: await searchServices(getDb(), parsed.data.q, parsed.data.exclude) });
});
