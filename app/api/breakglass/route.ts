// The break-glass pack as a download: built fresh from the database, for keeping a copy offline.
import { apiRoute } from "@/lib/api/route";
import { findBreakglass } from "@/lib/breakglass/queries";
import { renderBreakglass } from "@/lib/breakglass/render";
import { logger } from "@/lib/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET: the pack as one HTML file, for any signed-in role. */
export const GET = apiRoute({ route: "/api/breakglass", method: "GET" }, async ({ user, db }) => {
  const source = await findBreakglass(db);
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
});
