// Every API route file and who may call it (by session role or token scope): the authorization matrix
// checks the callers, the hostile-input spec the input; a route file without an entry fails both.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ROLES } from "../../lib/auth/roles";
import type { TokenScope } from "../../lib/tokens/scopes";

export type Caller = "anonymous" | `role:${(typeof ROLES)[number]}` | "token:none" | `token:${TokenScope}`;
export const ROUTES: Record<string, { method: "GET" | "POST"; path: string; allowed: Caller[]; okStatuses?: number[] }> = {
  "app/api/health/route.ts": { method: "GET", path: "/api/health", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"] },
  // Probes and scrapers have no session: public like /api/health (a probe may meet 503 while the worker starts).
  "app/api/ready/route.ts": { method: "GET", path: "/api/ready", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"], okStatuses: [503] },
  // Open while METRICS_TOKEN is unset (as in e2e); with it set, only its bearer gets through.
  "app/api/metrics/route.ts": { method: "GET", path: "/api/metrics", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"] },
  "app/api/inventory/services/search/route.ts": { method: "GET", path: "/api/inventory/services/search?q=a", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/v1/backup-runs/route.ts": { method: "POST", path: "/api/v1/backup-runs", allowed: ["token:backups:write"] },
  "app/api/v1/alerts/alertmanager/route.ts": { method: "POST", path: "/api/v1/alerts/alertmanager", allowed: ["token:alerts:write"] },
  "app/api/v1/alerts/events/route.ts": { method: "POST", path: "/api/v1/alerts/events", allowed: ["token:alerts:write"] },
  "app/api/v1/incidents/route.ts": { method: "GET", path: "/api/v1/incidents", allowed: ["token:read"] },
  "app/api/v1/incidents/[id]/route.ts": { method: "GET", path: "/api/v1/incidents/INC-999999", allowed: ["token:read"], okStatuses: [404] },
  // The stream itself never ends; an invalid `after` makes allowed callers get their 400 at once.
  "app/api/incidents/stream/route.ts": { method: "GET", path: "/api/incidents/stream?after=x", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/incidents/events/route.ts": { method: "GET", path: "/api/incidents/events?after=0", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/breakglass/route.ts": { method: "GET", path: "/api/breakglass", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  // The simulated demo services are public, like the health endpoints they stand in for.
  "app/api/demo-fleet/[slug]/health/route.ts": { method: "GET", path: "/api/demo-fleet/nope/health", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"], okStatuses: [404] },
  "app/api/demo-fleet/[slug]/restart/route.ts": { method: "POST", path: "/api/demo-fleet/nope/restart", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"], okStatuses: [404] },
  "app/api/compliance/export/route.ts": { method: "GET", path: "/api/compliance/export", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/compliance/evidence/route.ts": { method: "GET", path: "/api/compliance/evidence", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/plans/export/route.ts": { method: "GET", path: "/api/plans/export", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/plans/schema/route.ts": { method: "GET", path: "/api/plans/schema", allowed: ["role:admin", "role:commander", "role:responder", "role:viewer"] },
  "app/api/v1/plans/route.ts": { method: "GET", path: "/api/v1/plans", allowed: ["token:plans:read"] },
  // An empty JSON body is no plan: allowed callers get their 422 with nothing applied.
  "app/api/v1/plans/import/route.ts": { method: "POST", path: "/api/v1/plans/import", allowed: ["token:plans:write"] },
  // next-auth's own endpoints (sign-in, CSRF, session) are public by design.
  "app/api/auth/[...nextauth]/route.ts": { method: "GET", path: "/api/auth/csrf", allowed: ["anonymous", "role:admin", "role:commander", "role:responder", "role:viewer", "token:none", "token:read", "token:alerts:write", "token:backups:write", "token:plans:write", "token:plans:read"] },
};

export function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}
