// Every API route and who may call it, by route pattern and method: apiRoute() takes a route's rule from here
// (a route that is not listed does not type-check) and the authorization matrix checks every caller against it.
import { metricsToken, session, token, type Access } from "./access";

export type Method = "GET" | "POST";

export const API_ROUTES = {
  // next-auth's own endpoints (sign-in, CSRF, session): public by design, next-auth authenticates there.
  "/api/auth/[...nextauth]": { GET: "public", POST: "public" },
  "/api/breakglass": { GET: session("breakglass.read") },
  // iCal feeds of on-call shifts: public because the secret token in the URL IS the credential (a calendar app
  // cannot sign in); an unknown token is a bare 404. A new link (people.edit) revokes the old one.
  "/api/calendar/contacts/[token]": { GET: "public" },
  "/api/calendar/schedules/[token]": { GET: "public" },
  "/api/compliance/evidence": { GET: session("compliance.read") },
  "/api/compliance/export": { GET: session("compliance.read") },
  // The simulated demo services are public, like the health endpoints they stand in for.
  "/api/demo-fleet/[slug]/health": { GET: "public" },
  "/api/demo-fleet/[slug]/restart": { POST: "public" },
  "/api/health": { GET: "public" },
  "/api/incidents/board": { GET: session("incidents.read") },
  "/api/incidents/events": { GET: session("incidents.read") },
  "/api/incidents/stream": { GET: session("incidents.read") },
  "/api/inventory/services/search": { GET: session("inventory.read") },
  "/api/metrics": { GET: metricsToken },
  // A page link's Acknowledge / Escalate buttons (plain forms, no session): public because the signed link in the
  // path IS the credential (lib/incidents/page-links.ts); a forged one gets the same answer as an unknown one.
  "/api/pages/[token]/acknowledge": { POST: "public" },
  "/api/pages/[token]/escalate": { POST: "public" },
  "/api/plans/export": { GET: session("plans.export") },
  "/api/plans/schema": { GET: session("plans.export") },
  // Probes have no session: public like /api/health; the answer holds check names and short reasons only.
  "/api/ready": { GET: "public" },
  "/api/v1/alerts/alertmanager": { POST: token("alerts:write") },
  // Events API senders only fill routing_key: the token may come there instead of the header.
  "/api/v1/alerts/events": { POST: token("alerts:write", { orBodyField: "routing_key" }) },
  "/api/v1/backup-runs": { POST: token("backups:write") },
  "/api/v1/incidents": { GET: token("read") },
  "/api/v1/incidents/[id]": { GET: token("read") },
  // Its own scope: a plan holds every contact's phone and every runbook's commands.
  // SMS gateways post the replies to pages ("ACK 7KQ2M9"): a scope of its own, a gateway can do nothing else.
  "/api/v1/pages/replies": { POST: token("pages:reply") },
  "/api/v1/plans": { GET: token("plans:read") },
  "/api/v1/plans/import": { POST: token("plans:write") },
} as const satisfies Record<string, Partial<Record<Method, Access>>>;

export type ApiRoutePattern = keyof typeof API_ROUTES;
export type MethodOf<R extends ApiRoutePattern> = keyof (typeof API_ROUTES)[R] & Method;
export type AccessOf<R extends ApiRoutePattern, M extends MethodOf<R>> = (typeof API_ROUTES)[R][M];

/** The route file that serves a pattern: `/api/v1/incidents/[id]` → `app/api/v1/incidents/[id]/route.ts`. */
export const routeFileOf = (route: string) => `app${route}/route.ts`;
