// Enforces a route's declared access (lib/api/access.ts) for apiRoute(): who is asking, or the refusal to send.
// Fails closed: an unknown kind of access refuses.
import { requirePermission, type CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metricsAuthorized } from "@/lib/observability/metrics-auth";
import { checkBearerToken } from "@/lib/tokens/tokens";
import type { Access } from "./access";
import { apiError } from "./json";

type Caller = { user: CurrentUser } | { token: { id: string } } | object;

/** `bodyValue`: the parsed JSON body when the access reads a token from it (else undefined). */
export async function authenticate(
  access: Access,
  request: Request,
  db: () => Db,
  bodyValue?: unknown,
): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  if (access === "public") return { ok: true, caller: {} };
  switch (access.kind) {
    case "session":
      // Throws AppError 401/403: mapped by apiRoute like every other AppError.
      return { ok: true, caller: { user: await requirePermission(access.permission) } };
    case "token": {
      const fromBody =
        access.bodyField && bodyValue && typeof bodyValue === "object"
          ? (bodyValue as Record<string, unknown>)[access.bodyField]
          : undefined;
      const header =
        request.headers.get("authorization") ??
        (typeof fromBody === "string" && fromBody ? `Bearer ${fromBody}` : null);
      const check = await checkBearerToken(db(), header, access.scope);
      return check.ok
        ? { ok: true, caller: { token: { id: check.tokenId } } }
        : { ok: false, response: apiError(check.status, { error: check.error }) };
    }
    case "metrics-token":
      if (metricsAuthorized(request.headers.get("authorization"), env().METRICS_TOKEN)) return { ok: true, caller: {} };
      return {
        ok: false,
        response: Response.json(
          { error: "A valid metrics token is required" },
          { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } },
        ),
      };
    default:
      return { ok: false, response: apiError(403, { error: "Your role does not allow this." }) };
  }
}
