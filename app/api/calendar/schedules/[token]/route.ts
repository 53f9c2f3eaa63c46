// The iCal feed of a schedule's final on-call shifts. Public: the secret token in the URL IS the
// credential (a calendar app cannot sign in); an unknown token answers a bare 404 that says nothing more.
import { apiError } from "@/lib/api/json";
import { apiRoute } from "@/lib/api/route";
import { scheduleFeed } from "@/lib/oncall/feed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/calendar/schedules/[token]", method: "GET" }, async ({ params, db }) => {
  const text = await scheduleFeed(db, params.token.replace(/\.ics$/, ""));
  if (text === null) return apiError(404, { error: "Not found" });
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="on-call.ics"',
      "Cache-Control": "private, no-store",
    },
  });
});
