// The one wrapper every API route handler is exported through: it gives the request an id (the caller's
// x-request-id when sane, else a new one) that every log line of the request carries and the response
// echoes, times the handler into lifeboat_http_request_duration_seconds, and writes one access-log line
// (method, route, status, duration: never the body or the query string). A URL holding text no query can
// use (a NUL) is refused here with a 400, before any handler builds a query from it. For a stream (SSE) the time is
// until the response starts, not how long it stays open.
import { unstorableUrlResponse } from "@/lib/api/json";
import { logger } from "@/lib/log";
import { runWithRequestContext } from "@/lib/log/context";
import { metrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/** Probes and scrapes come every few seconds: their access lines are debug, not info. */
const QUIET_ROUTES = new Set(["/api/health", "/api/ready", "/api/metrics"]);

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

/**
 * `export const GET = observed("/api/v1/incidents/[id]", async (request, { params }) => …)`. The route is the
 * path pattern of the route file (a test checks it), so the metric has one series per route, not per URL.
 */
export function observed<R extends Request, C extends unknown[]>(route: string, handler: (request: R, ...rest: C) => Response | Promise<Response>) {
  return async (request: R, ...rest: C): Promise<Response> => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const method = request.method;
    const started = performance.now();
    let status = 500;
    return runWithRequestContext({ requestId }, async () => {
      try {
        const response = unstorableUrlResponse(request.url) ?? (await handler(request, ...rest));
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
