// The one wrapper every API route handler is exported through. It gives the request an id (the caller's
// x-request-id when sane, else a new one) that every log line carries and the response echoes; refuses a URL
// holding text no query can use (a NUL) with a 400 before anything builds a query from it; enforces the
// route's access from lib/api/routes.ts (fail closed: an unlisted route does not type-check); reads the
// declared body within its limit; maps errors (AppError → its status and safe message, database down → 503,
// anything else → 500, logged); times the answer into lifeboat_http_request_duration_seconds and writes one
// access-log line (method, route, status, duration: never the body or the query string). For a stream (SSE)
// the time is until the response starts, not how long it stays open: the body is never buffered.
import { NextRequest } from "next/server";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { runWithRequestContext } from "@/lib/log/context";
import { metrics } from "@/lib/observability/metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { authenticate } from "./authenticate";
import { checkBody, readDeclaredBody, type BodyDeclaration, type BodyOf, type RawBody } from "./body";
import { errorResponse, unstorableUrlResponse } from "./json";
import type { Access } from "./access";
import { API_ROUTES, type AccessOf, type ApiRoutePattern, type MethodOf } from "./routes";

/** Probes and scrapes come every few seconds: their access lines are debug, not info. */
const QUIET_ROUTES = new Set<string>(["/api/health", "/api/ready", "/api/metrics"]);

type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? Head | Segments<Tail> : S;
/** `/api/demo-fleet/[slug]/health` → `{ slug: string }`; `[...name]` → `{ name: string[] }`. */
type ParamsOf<R extends string> = {
  [
    K in Segments<R> as K extends `[...${infer N}]` ? N : K extends `[${infer N}]` ? N : never
  ]: K extends `[...${string}]` ? string[] : string;
};

type CallerOf<A> = A extends { kind: "session" }
  ? { user: CurrentUser }
  : A extends { kind: "token" }
    ? { token: { id: string } }
    : unknown;

type RouteContext<R extends ApiRoutePattern, M extends MethodOf<R>, B> = {
  request: NextRequest;
  params: ParamsOf<R>;
  /** The process's database client (route files never import it). */
  db: Db;
  body: BodyOf<B>;
  requestId: string;
} & CallerOf<AccessOf<R, M>>;

type RouteDeclaration<R extends ApiRoutePattern, M extends MethodOf<R>, B extends BodyDeclaration | undefined> = {
  /** The path pattern of the route file (a test checks it): one metric series per route, not per URL. */
  route: R;
  /** The export it serves (a test checks it); its access is API_ROUTES[route][method]. */
  method: M;
  body?: B;
};

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Immutable headers (Response.redirect, a fetched response): copy them into a new response.
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Types already refuse a route or method without access; a cast around them must not open it either. */
function declaredAccess(route: string, method: string): Access {
  const access = (API_ROUTES as Record<string, Partial<Record<string, Access>>>)[route]?.[method];
  if (!access) throw new Error(`${method} ${route} has no access declared in lib/api/routes.ts`);
  return access;
}

/** `export const GET = apiRoute({ route: "/api/v1/incidents/[id]", method: "GET" }, async ({ params, db }) => …)`. */
export function apiRoute<
  R extends ApiRoutePattern,
  M extends MethodOf<R>,
  B extends BodyDeclaration | undefined = undefined,
>(declaration: RouteDeclaration<R, M, B>, handler: (context: RouteContext<R, M, B>) => Response | Promise<Response>) {
  const { route, method: declaredMethod, body: bodyDeclaration } = declaration;
  const access = declaredAccess(route, declaredMethod);

  async function answer(
    request: NextRequest,
    params: Promise<ParamsOf<R>> | undefined,
    requestId: string,
  ): Promise<Response> {
    try {
      let db: Db | undefined;
      const database = () => (db ??= getDb());
      // A token that may come in the body (Events API routing_key): the body is read first, its refusal
      // still comes after the token's. Otherwise nobody's body is read before they are known.
      const tokenInBody = access !== "public" && access.kind === "token" && access.bodyField !== undefined;
      let raw: RawBody | undefined =
        tokenInBody && bodyDeclaration ? await readDeclaredBody(request, bodyDeclaration) : undefined;
      const auth = await authenticate(access, request, database, raw?.ok ? raw.value : undefined);
      if (!auth.ok) return auth.response;
      let body: unknown;
      if (bodyDeclaration) {
        raw ??= await readDeclaredBody(request, bodyDeclaration);
        if (!raw.ok) return raw.response;
        const checked = checkBody(raw.value, bodyDeclaration);
        if (!checked.ok) return checked.response;
        body = checked.value;
      }
      const context = {
        request,
        params: ((await params) ?? {}) as ParamsOf<R>,
        get db() {
          return database();
        },
        body: body as BodyOf<B>,
        requestId,
        ...auth.caller,
      } as RouteContext<R, M, B>;
      return await handler(context);
    } catch (error) {
      return errorResponse(error);
    }
  }

  return async (request: Request, context?: { params: Promise<ParamsOf<R>> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const method = request.method;
    const started = performance.now();
    let status = 500;
    return runWithRequestContext({ requestId }, async () => {
      try {
        // Next hands route handlers a NextRequest already; tests may call with a plain Request.
        const nextRequest = request instanceof NextRequest ? request : new NextRequest(request);
        const response = unstorableUrlResponse(request.url) ?? (await answer(nextRequest, context?.params, requestId));
        status = response.status;
        return withRequestId(response, requestId);
      } finally {
        const seconds = (performance.now() - started) / 1000;
        metrics().requestDuration.observe({ route, method, status: String(status) }, seconds);
        const line = { method, route, status, durationMs: Math.round(seconds * 1000) };
        if (QUIET_ROUTES.has(route)) logger.debug(line, "request");
        else logger.info(line, "request");
      }
    });
  };
}
