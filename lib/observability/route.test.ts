// The API route wrapper: request ids in and out, one latency sample per call with the right labels, and
// log lines of the handler carrying the id.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentRequestId } from "@/lib/log/context";
import { metrics } from "./metrics";
import { observed } from "./route";

async function samples(route: string, method: string, status: string) {
  const metric = await metrics().requestDuration.get();
  return metric.values.find((v) => v.metricName === "lifeboat_http_request_duration_seconds_count" && v.labels.route === route && v.labels.method === method && v.labels.status === status)?.value ?? 0;
}

describe("observed()", () => {
  it("echoes a sane x-request-id, gives the handler the same id, and records a sample", async () => {
    let seen: string | undefined;
    const GET = observed("/api/test/ok", async (request: Request) => {
      seen = currentRequestId();
      return Response.json({ url: request.url });
    });
    const before = await samples("/api/test/ok", "GET", "200");
    const response = await GET(new Request("http://lifeboat.test/api/test/ok", { headers: { "x-request-id": "lb-abc.123" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-abc.123");
    expect(seen).toBe("lb-abc.123");
    expect(await samples("/api/test/ok", "GET", "200")).toBe(before + 1);
  });

  it("replaces an insane id with a new one", async () => {
    const GET = observed("/api/test/ok", async () => new Response("ok"));
    const response = await GET(new Request("http://lifeboat.test/x", { headers: { "x-request-id": "bad id with spaces" } }));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const other = await GET(new Request("http://lifeboat.test/x"));
    expect(other.headers.get("x-request-id")).not.toBe(id);
  });

  it("labels by the handler's status, passes the context argument through, and copies immutable headers", async () => {
    const POST = observed("/api/test/[id]", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => Response.json({ id: (await params).id }, { status: 422 }));
    const response = await POST(new Request("http://lifeboat.test/api/test/7", { method: "POST" }), { params: Promise.resolve({ id: "7" }) });
    expect(await response.json()).toEqual({ id: "7" });
    expect(await samples("/api/test/[id]", "POST", "422")).toBe(1);

    const redirect = observed("/api/test/redirect", async () => Response.redirect("http://lifeboat.test/elsewhere", 307));
    const moved = await redirect(new Request("http://lifeboat.test/api/test/redirect", { headers: { "x-request-id": "r1" } }));
    expect(moved.status).toBe(307);
    expect(moved.headers.get("location")).toBe("http://lifeboat.test/elsewhere");
    expect(moved.headers.get("x-request-id")).toBe("r1");
  });

  it("counts a handler that throws as 500 and rethrows", async () => {
    const GET = observed("/api/test/throws", async () => {
      throw new Error("kaput");
    });
    await expect(GET(new Request("http://lifeboat.test/api/test/throws"))).rejects.toThrow("kaput");
    expect(await samples("/api/test/throws", "GET", "500")).toBe(1);
  });
});

// Every API route is exported through observed(), labelled with its own path pattern: one consistent way.
function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}

describe("API route files", () => {
  const files = routeFiles();

  it.each(files)("%s exports its handlers through observed() with its path", (file) => {
    const source = readFileSync(file, "utf8");
    const route = "/" + path.dirname(file).split(path.sep).slice(1).join("/");
    expect(source).toContain(`observed("${route}",`);
    expect(source).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/);
  });

  it("finds the routes", () => {
    expect(files).toContain(path.join("app", "api", "ready", "route.ts"));
    expect(files.length).toBeGreaterThan(15);
  });
});
