// The API route wrapper: request ids in and out, one latency sample per call with the right labels, log
// lines of the handler carrying the id, errors mapped, access enforced before any body is read; and every
// route file exported through it with its own path, method and a declared access.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { currentRequestId } from "@/lib/log/context";
import { metrics } from "@/lib/observability/metrics";
import { apiRoute } from "./route";
import { API_ROUTES, routeFileOf } from "./routes";

async function samples(route: string, method: string, status: string) {
  const metric = await metrics().requestDuration.get();
  return (
    metric.values.find(
      (v) =>
        v.metricName === "lifeboat_http_request_duration_seconds_count" &&
        v.labels.route === route &&
        v.labels.method === method &&
        v.labels.status === status,
    )?.value ?? 0
  );
}

describe("apiRoute()", () => {
  // The wrapper hands out the process's client (created, never connected, by these tests): the settings it reads.
  beforeAll(() => {
    vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1:1/unused");
    vi.stubEnv("NEXTAUTH_SECRET", "unit-tests-only-secret-0123456789abcdef");
  });

  it("echoes a sane x-request-id, gives the handler the same id, and records a sample", async () => {
    let seen: string | undefined;
    let given: string | undefined;
    const GET = apiRoute({ route: "/api/health", method: "GET" }, async ({ request, requestId }) => {
      seen = currentRequestId();
      given = requestId;
      return Response.json({ url: request.url });
    });
    const before = await samples("/api/health", "GET", "200");
    const response = await GET(
      new Request("http://lifeboat.test/api/health", { headers: { "x-request-id": "lb-abc.123" } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-abc.123");
    expect(seen).toBe("lb-abc.123");
    expect(given).toBe("lb-abc.123");
    expect(await samples("/api/health", "GET", "200")).toBe(before + 1);
  });

  it("replaces an insane id with a new one", async () => {
    const GET = apiRoute({ route: "/api/health", method: "GET" }, async () => new Response("ok"));
    const response = await GET(
      new Request("http://lifeboat.test/x", { headers: { "x-request-id": "bad id with spaces" } }),
    );
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const other = await GET(new Request("http://lifeboat.test/x"));
    expect(other.headers.get("x-request-id")).not.toBe(id);
  });

  it("labels by the handler's status, hands over the params, and copies immutable headers", async () => {
    const POST = apiRoute({ route: "/api/demo-fleet/[slug]/restart", method: "POST" }, async ({ params }) =>
      Response.json({ slug: params.slug }, { status: 422 }),
    );
    const response = await POST(new Request("http://lifeboat.test/api/demo-fleet/7/restart", { method: "POST" }), {
      params: Promise.resolve({ slug: "7" }),
    });
    expect(await response.json()).toEqual({ slug: "7" });
    expect(await samples("/api/demo-fleet/[slug]/restart", "POST", "422")).toBe(1);

    const redirect = apiRoute({ route: "/api/ready", method: "GET" }, async () =>
      Response.redirect("http://lifeboat.test/elsewhere", 307),
    );
    const moved = await redirect(new Request("http://lifeboat.test/api/ready", { headers: { "x-request-id": "r1" } }));
    expect(moved.status).toBe(307);
    expect(moved.headers.get("location")).toBe("http://lifeboat.test/elsewhere");
    expect(moved.headers.get("x-request-id")).toBe("r1");
  });

  it("maps errors: an AppError to its status and message, anything else to a 500 that says nothing", async () => {
    const notFound = apiRoute({ route: "/api/demo-fleet/[slug]/health", method: "GET" }, async () => {
      throw new AppError("NOT_FOUND", { userMessage: "No such thing", field: "slug" });
    });
    const missing = await notFound(new Request("http://lifeboat.test/api/demo-fleet/x/health"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "No such thing", field: "slug" });
    expect(missing.headers.get("cache-control")).toBe("no-store");

    const kaput = apiRoute({ route: "/api/demo-fleet/[slug]/health", method: "GET" }, async () => {
      throw new Error("kaput: secret detail");
    });
    const before = await samples("/api/demo-fleet/[slug]/health", "GET", "500");
    const failed = await kaput(
      new Request("http://lifeboat.test/api/demo-fleet/x/health", { headers: { "x-request-id": "r500" } }),
    );
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "Internal error" });
    expect(failed.headers.get("x-request-id")).toBe("r500");
    expect(await samples("/api/demo-fleet/[slug]/health", "GET", "500")).toBe(before + 1);
  });

  it("refuses a NUL in the URL with a 400 naming it, before the handler", async () => {
    let called = false;
    const GET = apiRoute({ route: "/api/health", method: "GET" }, async () => ((called = true), new Response("ok")));
    const response = await GET(new Request("http://lifeboat.test/api/health?x=a%00b"));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { field: string }).field).toBe("x");
    expect(called).toBe(false);
  });

  it("asks a token route for its token before reading the body, and never calls the handler without one", async () => {
    let called = false;
    const POST = apiRoute(
      {
        route: "/api/v1/backup-runs",
        method: "POST",
        body: { schema: (await import("@/lib/backups/schemas")).backupRunSchema, maxBytes: 10 },
      },
      async () => ((called = true), new Response("ok")),
    );
    const anonymous = await POST(
      new Request("http://lifeboat.test/api/v1/backup-runs", { method: "POST", body: "x".repeat(100) }),
    );
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "A bearer API token is required (Authorization: Bearer lb_…)." });
    const malformed = await POST(
      new Request("http://lifeboat.test/api/v1/backup-runs", {
        method: "POST",
        headers: { authorization: "Bearer nope" },
        body: "{}",
      }),
    );
    expect(malformed.status).toBe(401);
    expect(called).toBe(false);
  });

  it("takes an Events API token from routing_key and still answers a bad token before a bad body", async () => {
    const POST = apiRoute(
      {
        route: "/api/v1/alerts/events",
        method: "POST",
        body: { schema: (await import("@/lib/incidents/alerts/events-api")).eventsApiSchema, maxBytes: 1024 },
      },
      async () => new Response("ok"),
    );
    const notJson = await POST(new Request("http://lifeboat.test/api/v1/alerts/events", { method: "POST", body: "{" }));
    expect(notJson.status).toBe(401);
    const badKey = await POST(
      new Request("http://lifeboat.test/api/v1/alerts/events", {
        method: "POST",
        body: JSON.stringify({ routing_key: "not-a-token" }),
      }),
    );
    expect(badKey.status).toBe(401);
  });

  it("refuses to build a route whose access is not declared (a cast around the types does not open it)", () => {
    // @ts-expect-error: a route that lib/api/routes.ts does not list does not type-check.
    expect(() => apiRoute({ route: "/api/nope", method: "GET" }, async () => new Response("open"))).toThrow(
      "has no access declared",
    );
    // @ts-expect-error: nor a method the route does not declare.
    expect(() => apiRoute({ route: "/api/health", method: "POST" }, async () => new Response("open"))).toThrow(
      "has no access declared",
    );
  });
});

function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}

describe("API route files", () => {
  const files = routeFiles();

  it.each(files)("%s exports every handler through apiRoute() with its path and method, each declared", (file) => {
    const source = readFileSync(file, "utf8");
    const route = "/" + path.dirname(file).split(path.sep).slice(1).join("/");
    expect(source).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/);
    expect(source).not.toMatch(/export \{[^}]*\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/);
    // Read with white space folded: the formatter may break a declaration over lines.
    const folded = source.replace(/\s+/g, " ").replace(/\( \{/g, "({");
    const exported = [
      ...folded.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) = (.*?)(?=export const|$)/g),
    ];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, method, rest] of exported) {
      expect(rest).toContain(`apiRoute({ route: "${route}", method: "${method}"`);
      expect(Object.keys(API_ROUTES[route as keyof typeof API_ROUTES] ?? {})).toContain(method);
    }
    // Route files read and write through lib/, with the database the wrapper hands them.
    expect(source).not.toMatch(/from "@\/lib\/db\/client"|from "@\/lib\/generated\/prisma/);
  });

  it("lists exactly the route files in lib/api/routes.ts", () => {
    expect(Object.keys(API_ROUTES).map(routeFileOf).sort()).toEqual(
      files.map((f) => f.split(path.sep).join("/")).sort(),
    );
    expect(files).toContain(path.join("app", "api", "ready", "route.ts"));
    expect(files.length).toBeGreaterThan(15);
  });
});
