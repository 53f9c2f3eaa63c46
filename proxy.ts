// Redirects signed-out visitors of app pages to /login. This is convenience only: every page, action
// and route checks the session again itself (lib/auth/session.ts). Also gives every page request (and the
// server actions posted to pages) an x-request-id: the caller's when sane, else a new one, passed on to
// the page or action (the action middleware's log lines carry it) and echoed in the response.
// API routes are not matched here: their wrapper does the same (lib/observability/route.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  let response: NextResponse;
  if (token) {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== "/") login.searchParams.set("callbackUrl", target);
    response = NextResponse.redirect(login);
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything except sign-in, machine/API routes, the public status page and static assets.
  matcher: ["/((?!login|api/|status|_next/|favicon\\.ico|robots\\.txt).*)"],
};
