// The page link's Escalate button (a plain form on /p/<token>, no session: the signed token in the path is the
// credential). Answers 303 back to the page, which shows the outcome; a forged token lands on its "not valid".
import { apiRoute } from "@/lib/api/route";
import { appJobs } from "@/lib/jobs/app-jobs";
import { actFromPageForm } from "@/lib/incidents/page-actions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/pages/[token]/escalate", method: "POST" }, async ({ params, db }) => {
  const token = params.token.slice(0, 200);
  const outcome = await actFromPageForm(db, await appJobs(), token, "escalate");
  // A relative Location: the browser resolves it against the URL it posted to, whatever proxy is in front.
  return new Response(null, {
    status: 303,
    headers: { Location: `/p/${encodeURIComponent(token)}?done=${outcome}`, "Cache-Control": "no-store" },
  });
});
