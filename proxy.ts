// Redirects signed-out visitors of app pages to /login. This is convenience only: every page, action
// and route checks the session again itself (lib/auth/session.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except sign-in, machine/API routes, the public status page and static assets.
  matcher: ["/((?!login|api/|status|_next/|favicon\\.ico|robots\\.txt).*)"],
};
