// Runs before every page (API routes and static files are not matched):
// - gives the page a Content-Security-Policy with a fresh nonce (lib/security/csp.ts); Next reads the nonce
//   from the request's copy of the header and puts it on its own scripts;
// - gives every page request (and the server actions posted to pages) an x-request-id: the caller's when
//   sane, else a new one, passed on to the page or action and echoed in the response;
// - redirects signed-out visitors of app pages to /login. This is convenience only: every page, action and
//   route checks the session again itself (lib/auth/session.ts).
// API routes do their own request ids and checks (lib/observability/route.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { CSP_HEADER, newNonce, pagePolicy } from "@/lib/security/csp";

/** Pages anyone may see: sign-in and the public status page. */
const PUBLIC_PAGES = /^\/(login|status)(\/|$)/;

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const policy = pagePolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const isPublic = PUBLIC_PAGES.test(request.nextUrl.pathname);
  const signedIn = isPublic || Boolean(await getToken({ req: request, secret: env().NEXTAUTH_SECRET }));

  let response: NextResponse;
  if (signedIn) {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    headers.set(CSP_HEADER, policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== "/") login.searchParams.set("callbackUrl", target);
    response = NextResponse.redirect(login);
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set(CSP_HEADER, policy);
  return response;
}

export const config = {
  // Everything except API routes and static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)"],
};
