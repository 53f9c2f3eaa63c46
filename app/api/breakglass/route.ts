// The break-glass pack as a download: built fresh from the database, for keeping a copy offline.
import { errorResponse } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { loadBreakglass } from "@/lib/breakglass/load";
import { renderBreakglass } from "@/lib/breakglass/render";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET: the pack as one HTML file, for any signed-in role. */
export const GET = observed("/api/breakglass", async () => {
  try {
    const user = await requirePermission("breakglass.read");
    const source = await loadBreakglass(getDb());
    // It carries everyone's phone numbers: worth a line in the log about who took a copy.
    logger.info({ userId: user.id }, "break-glass pack downloaded");
    return new Response(renderBreakglass(source), {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": `attachment; filename="lifeboat-breakglass-${source.generatedAt.toISOString().slice(0, 10)}.html"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
