// next-auth endpoints (sign-in, sign-out, session, CSRF). Options are built lazily from the typed env.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = observed("/api/auth/[...nextauth]", (req: NextRequest, context: Context): Promise<Response> => NextAuth(req, context, authOptions()));

export { handler as GET, handler as POST };
