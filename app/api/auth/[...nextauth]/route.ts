// next-auth endpoints (sign-in, sign-out, session, CSRF). Options are built lazily from the typed env.
// The one route whose authentication is not apiRoute's: these endpoints are next-auth's own (it reads its
// form bodies and checks CSRF and credentials itself), so the declaration is "public" and the wrapper only
// adds the request id, metrics, access log and error mapping every route gets.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { apiRoute } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const nextAuth = ({ request, params }: { request: NextRequest; params: { nextauth: string[] } }): Promise<Response> =>
  NextAuth(request, { params: Promise.resolve(params) }, authOptions());

export const GET = apiRoute({ route: "/api/auth/[...nextauth]", method: "GET" }, nextAuth);
export const POST = apiRoute({ route: "/api/auth/[...nextauth]", method: "POST" }, nextAuth);
