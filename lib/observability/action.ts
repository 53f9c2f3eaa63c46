// Server actions, observed through the one middleware of lib/actions/safe-action.ts: timed into
// lifeboat_http_request_duration_seconds as route "action:<exported name>", method "ACTION", with an
// HTTP-like status (200 done, 422 invalid input, the AppError's status, 500 unexpected, 303/404/403/401 for
// a navigation), and run with the request's id in context so every log line of the action carries it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { headers } from "next/headers";
import { logger } from "@/lib/log";
import { currentRequestContext, runWithRequestContext } from "@/lib/log/context";
import { metrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

type Manifest = { node?: Record<string, { exportedName?: string }> };

/** Where Next writes the action id → name table: the build, or `next dev`'s own folder. */
const MANIFESTS = [
  path.join(".next", "server", "server-reference-manifest.json"),
  path.join(".next", "dev", "server", "server-reference-manifest.json"),
];
/** An unknown id re-reads the manifest (dev compiles pages as they are visited), at most this often. */
const REREAD_MS = 10_000;

type Names = { at: number; byId: Map<string, string> };
const globalForNames = globalThis as unknown as { lifeboatActionNames?: Names };

function readNames(): Map<string, string> {
  const byId = new Map<string, string>();
  for (const relative of MANIFESTS) {
    // Read at run time from the build's own output: not a file for the bundler to trace.
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), relative);
    if (!existsSync(file)) continue;
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      for (const [id, entry] of Object.entries(manifest.node ?? {}))
        if (entry.exportedName) byId.set(id, entry.exportedName);
    } catch {
      // Being rewritten (dev): the next re-read gets it.
    }
  }
  return byId;
}

/** The exported name of the action with this id (the Next-Action header), or null when it is not known. */
export function actionName(id: string | null | undefined, now = Date.now()): string | null {
  if (!id) return null;
  let names = globalForNames.lifeboatActionNames;
  if (!names || (!names.byId.has(id) && now - names.at > REREAD_MS))
    names = globalForNames.lifeboatActionNames = { at: now, byId: readNames() };
  return names.byId.get(id) ?? null;
}

/** What the action's request says about it: its id header and x-request-id (set by proxy.ts for pages). */
export async function actionRequest(): Promise<{ requestId: string; action: string }> {
  try {
    const h = await headers();
    return {
      requestId: requestIdFrom(h.get(REQUEST_ID_HEADER)),
      action: actionName(h.get("next-action")) ?? "unknown",
    };
  } catch {
    // Called outside a request (a test or a script calling the action directly).
    return { requestId: requestIdFrom(null), action: "unknown" };
  }
}

/** For handleServerError: the status the error is answered with, for the metric. */
export function noteActionStatus(status: number) {
  const context = currentRequestContext();
  if (context) context.status = status;
}

type ActionResult = { validationErrors?: unknown; serverError?: unknown; navigationKind?: string };

const NAVIGATION_STATUS: Record<string, number> = { redirect: 303, notFound: 404, forbidden: 403, unauthorized: 401 };

export function actionStatus(result: ActionResult, noted: number | undefined): number {
  if (result.navigationKind) return NAVIGATION_STATUS[result.navigationKind] ?? 200;
  if (result.validationErrors !== undefined) return 422;
  if (result.serverError !== undefined) return noted ?? 500;
  return 200;
}

/** Runs the rest of the action's middleware chain (and the action) timed, with the request id in context. */
export async function observeAction<T extends ActionResult>(
  call: { requestId: string; action: string },
  next: () => Promise<T>,
): Promise<T> {
  const context = { requestId: call.requestId } as { requestId: string; status?: number };
  const started = performance.now();
  return runWithRequestContext(context, async () => {
    let status = 500;
    try {
      const result = await next();
      status = actionStatus(result, context.status);
      return result;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = `action:${call.action}`;
      metrics().requestDuration.observe({ route, method: "ACTION", status: String(status) }, seconds);
      logger.info({ method: "ACTION", route, status, durationMs: Math.round(seconds * 1000) }, "request");
    }
  });
}
