// Runs before every page and API route (static files are not matched):
// - API routes: only a broken path encoding is answered here (400); their wrapper does the rest
//   (lib/api/route.ts apiRoute: request ids, callers, input);
// - gives every page a Content-Security-Policy with a fresh nonce (lib/security/csp.ts); Next reads the nonce
//   from the request's copy of the header and puts it on its own scripts;
// - gives every page request (and the server actions posted to pages) an x-request-id: the caller's when
//   sane, else a new one, passed on to the page or action and echoed in the response;
// - answers a server action posted from another origin with 403, and a signed-in caller's server action whose
//   body Next could not decode with 400/413, instead of Next's unhandled errors (lib/actions/request-guard.ts);
// - redirects signed-out visitors of app pages to /login. This is convenience only: every page, action and
//   route checks the session again itself (lib/auth/session.ts).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, crossOriginProblem } from "@/lib/actions/request-guard";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { CSP_HEADER, newNonce, pagePolicy } from "@/lib/security/csp";

/** Pages anyone may see: sign-in, the public status page and a page link's page (the signed link is the credential). */
const PUBLIC_PAGES = /^\/(login|status|p)(\/|$)/;

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return apiPathProblem(request) ?? NextResponse.next();
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const policy = pagePolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });

  let response: NextResponse;
  const crossOrigin = isActionRequest(request) ? crossOriginProblem(request.headers) : null;
  const forged = !crossOrigin && token ? await actionRequestProblem(request) : null;
  if (crossOrigin) {
    response = NextResponse.json({ error: crossOrigin.error, field: "(origin)" }, { status: crossOrigin.status });
  } else if (forged) {
    response = NextResponse.json({ error: forged.error, field: "(body)" }, { status: forged.status });
  } else if (token || PUBLIC_PAGES.test(request.nextUrl.pathname)) {
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

/**
 * Next decodes a route's dynamic segments before the handler runs and answers a broken percent-encoding
 * (`/api/v1/incidents/%`, `%ED%A0%80`) with a bare 500: API paths are checked here first, for a 400.
 */
function apiPathProblem(request: NextRequest) {
  try {
    for (const segment of request.nextUrl.pathname.split("/")) decodeURIComponent(segment);
    return null;
  } catch {
    return NextResponse.json(
      { error: "(path): is not valid percent-encoded UTF-8", field: "(path)" },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
}

const isActionRequest = (request: NextRequest) => request.method === "POST" && request.headers.has("next-action");

/** A server action's body Next could not decode (see lib/actions/request-guard.ts), refused before it tries. */
async function actionRequestProblem(request: NextRequest) {
  if (!isActionRequest(request)) return null;
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? 0);
  // Over the limit by its own account: refused without reading it.
  return actionBodyProblem(type, length, length > ACTION_BODY_LIMIT_BYTES ? "" : await request.clone().text());
}

export const config = {
  // Everything but Next's own files (assets, and in `next dev` its HMR websocket, which a proxied upgrade breaks):
  // pages for their policy and session, API routes for their path encoding.
  matcher: ["/((?!_next/|favicon\\.ico|robots\\.txt).*)"],
};
