// Every API route file, how the matrix probes it (method, a path, statuses that also count as "got through"),
// and who may call it — the last read from the route's own declaration (lib/api/routes.ts, the table apiRoute()
// enforces), never restated here. The authorization matrix checks the callers, the hostile-input spec the input;
// a route file without a probe here, or without a declaration there, fails both.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Access } from "../../lib/api/access";
import { API_ROUTES, routeFileOf, type Method } from "../../lib/api/routes";
import { PERMISSIONS } from "../../lib/auth/permissions";
import { ROLES } from "../../lib/auth/roles";
import { TOKEN_SCOPES } from "../../lib/tokens/scopes";

export type Caller =
  "anonymous" | `role:${(typeof ROLES)[number]}` | "token:none" | `token:${(typeof TOKEN_SCOPES)[number]}`;
const CALLERS: Caller[] = [
  "anonymous",
  "token:none",
  ...TOKEN_SCOPES.map((s) => `token:${s}` as const),
  ...ROLES.map((r) => `role:${r}` as const),
];

/** Who gets past a declared access. "token:none" is a well-formed bearer token that does not exist. */
export function allowedCallers(access: Access): Caller[] {
  if (access === "public") return CALLERS;
  switch (access.kind) {
    case "session":
      return (PERMISSIONS[access.permission] as readonly string[]).map((role) => `role:${role}` as Caller);
    case "token":
      return [`token:${access.scope}`];
    case "metrics-token":
      // Open while METRICS_TOKEN is unset, as on the e2e servers (scripts/e2e.ts sets none); with it set, only its bearer.
      return CALLERS;
  }
}

/** The declared access of a route file's method, or undefined when lib/api/routes.ts has none (the matrix fails). */
export function declaredAccess(file: string, method: Method): Access | undefined {
  const pattern = Object.keys(API_ROUTES).find((route) => routeFileOf(route) === file) as
    keyof typeof API_ROUTES | undefined;
  return pattern ? (API_ROUTES[pattern] as Partial<Record<Method, Access>>)[method] : undefined;
}

export const ROUTES: Record<string, { method: Method; path: string; okStatuses?: number[] }> = {
  "app/api/health/route.ts": { method: "GET", path: "/api/health" },
  // A probe may meet 503 while the worker starts.
  "app/api/ready/route.ts": { method: "GET", path: "/api/ready", okStatuses: [503] },
  "app/api/metrics/route.ts": { method: "GET", path: "/api/metrics" },
  "app/api/inventory/services/search/route.ts": { method: "GET", path: "/api/inventory/services/search?q=a" },
  "app/api/v1/backup-runs/route.ts": { method: "POST", path: "/api/v1/backup-runs" },
  "app/api/v1/alerts/alertmanager/route.ts": { method: "POST", path: "/api/v1/alerts/alertmanager" },
  "app/api/v1/alerts/events/route.ts": { method: "POST", path: "/api/v1/alerts/events" },
  "app/api/v1/incidents/route.ts": { method: "GET", path: "/api/v1/incidents" },
  "app/api/v1/incidents/[id]/route.ts": { method: "GET", path: "/api/v1/incidents/INC-999999", okStatuses: [404] },
  // The stream itself never ends; an invalid `after` makes allowed callers get their 400 at once.
  "app/api/incidents/stream/route.ts": { method: "GET", path: "/api/incidents/stream?after=x" },
  "app/api/incidents/events/route.ts": { method: "GET", path: "/api/incidents/events?after=0" },
  "app/api/incidents/board/route.ts": { method: "GET", path: "/api/incidents/board?unack=1" },
  "app/api/breakglass/route.ts": { method: "GET", path: "/api/breakglass" },
  "app/api/demo-fleet/[slug]/health/route.ts": {
    method: "GET",
    path: "/api/demo-fleet/nope/health",
    okStatuses: [404],
  },
  "app/api/demo-fleet/[slug]/restart/route.ts": {
    method: "POST",
    path: "/api/demo-fleet/nope/restart",
    okStatuses: [404],
  },
  // A token nobody holds: every caller gets the same bare 404 (the token is the only credential).
  "app/api/calendar/schedules/[token]/route.ts": {
    method: "GET",
    path: "/api/calendar/schedules/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    okStatuses: [404],
  },
  "app/api/calendar/contacts/[token]/route.ts": {
    method: "GET",
    path: "/api/calendar/contacts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    okStatuses: [404],
  },
  // A page link's buttons: a forged token is refused like an unknown one, by the 303 back to its "not valid" page.
  "app/api/pages/[token]/acknowledge/route.ts": {
    method: "POST",
    path: "/api/pages/AAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/acknowledge",
    okStatuses: [303],
  },
  "app/api/pages/[token]/escalate/route.ts": {
    method: "POST",
    path: "/api/pages/AAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/escalate",
    okStatuses: [303],
  },
  // An empty JSON object names no sender: the allowed gateway gets its 422.
  "app/api/v1/pages/replies/route.ts": { method: "POST", path: "/api/v1/pages/replies" },
  "app/api/compliance/export/route.ts": { method: "GET", path: "/api/compliance/export" },
  "app/api/compliance/evidence/route.ts": { method: "GET", path: "/api/compliance/evidence" },
  "app/api/plans/export/route.ts": { method: "GET", path: "/api/plans/export" },
  "app/api/plans/schema/route.ts": { method: "GET", path: "/api/plans/schema" },
  "app/api/v1/plans/route.ts": { method: "GET", path: "/api/v1/plans" },
  // An empty JSON body is no plan: allowed callers get their 422 with nothing applied.
  "app/api/v1/plans/import/route.ts": { method: "POST", path: "/api/v1/plans/import" },
  "app/api/auth/[...nextauth]/route.ts": { method: "GET", path: "/api/auth/csrf" },
};

export function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}

/** Every page of the app (signed-in pages without an id in their path): access, escaping and secrets specs visit each. */
export const APP_PAGES = [
  "/",
  "/overview",
  "/command",
  "/incidents",
  "/incidents/new",
  "/runbooks",
  "/runbooks/new",
  "/runbooks/drills",
  "/runbooks/demo",
  "/compliance",
  "/report/compliance",
  "/account",
  "/admin",
  "/admin/users",
  "/admin/audit",
  "/inventory",
  "/inventory/systems",
  "/inventory/tiers",
  "/inventory/services/new",
  "/inventory/systems/new",
  "/people",
  "/people/policies",
  "/people/matrix",
  "/people/channels",
  "/people/paging",
  "/people/schedules",
  "/people/schedules/new",
  "/people/contacts/new",
  "/backups",
  "/plans",
  "/admin/tokens",
];
