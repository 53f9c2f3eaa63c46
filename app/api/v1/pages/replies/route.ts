// SMS gateways post replies to pages here (token scope pages:reply): JSON {from, text} or Twilio-style form
// From/Body. "ACK <code>" / "ESC <code>" act once as the paged contact; the answer's `message` is what the
// gateway can text back (lib/incidents/page-replies.ts).
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { appJobs } from "@/lib/jobs/app-jobs";
import { handleReply, readReply, REPLY_MAX_BYTES } from "@/lib/incidents/page-replies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    route: "/api/v1/pages/replies",
    method: "POST",
    body: {
      text: { tooLarge: `Body is over ${REPLY_MAX_BYTES} bytes`, notText: "Body is not UTF-8 text" },
      maxBytes: REPLY_MAX_BYTES,
    },
  },
  async ({ request, body, db }) => {
    const reply = readReply(request.headers.get("content-type") ?? "", body);
    const answer = "status" in reply ? reply : await handleReply(db, await appJobs(), reply);
    return NextResponse.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
  },
);
