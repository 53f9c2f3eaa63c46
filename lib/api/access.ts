// Who may call an API route, as plain data (no server imports): apiRoute() enforces it and the authorization
// matrix (e2e) reads it, so the rule is written once. Permissions come from the one table in lib/auth.
import type { Permission } from "@/lib/auth/permissions";
import type { TokenScope } from "@/lib/tokens/scopes";

/** Anyone who can reach the app: probes, next-auth's own endpoints, the simulated demo fleet. */
type PublicAccess = "public";
/** A signed-in user whose role has the permission, re-read from the database on every request. */
type SessionAccess = { kind: "session"; permission: Permission };
/** A live API token with the scope, as `Authorization: Bearer lb_…` (or, with `bodyField`, in that JSON body field). */
type TokenAccess = { kind: "token"; scope: TokenScope; bodyField?: string };
/** /api/metrics: open while METRICS_TOKEN is unset, else only `Bearer <METRICS_TOKEN>` (lib/observability/metrics-auth.ts). */
type MetricsAccess = { kind: "metrics-token" };

export type Access = PublicAccess | SessionAccess | TokenAccess | MetricsAccess;

export const session = <P extends Permission>(permission: P) => ({ kind: "session", permission }) as const;

export function token<S extends TokenScope>(scope: S): { readonly kind: "token"; readonly scope: S };
export function token<S extends TokenScope, F extends string>(
  scope: S,
  options: { orBodyField: F },
): { readonly kind: "token"; readonly scope: S; readonly bodyField: F };
export function token(scope: TokenScope, options?: { orBodyField: string }): TokenAccess {
  return options ? { kind: "token", scope, bodyField: options.orBodyField } : { kind: "token", scope };
}

export const metricsToken = { kind: "metrics-token" } as const;
