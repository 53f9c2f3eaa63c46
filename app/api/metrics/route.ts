// Prometheus metrics (text exposition format): request latency, open streams, job queues, and the domain
// figures (open incidents, services out of RPO or unproven on RTO, failed notifications, workers). With
// METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` gets them (recommended in production);
// unset, anyone who can reach the app can.
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { refreshDomainMetrics } from "@/lib/operate/domain-metrics";
import { metrics } from "@/lib/observability/metrics";
import { metricsAuthorized } from "@/lib/observability/metrics-auth";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/metrics", async (request: Request) => {
  if (!metricsAuthorized(request.headers.get("authorization"), env().METRICS_TOKEN)) {
    return Response.json({ error: "A valid metrics token is required" }, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } });
  }
  await refreshDomainMetrics(getDb());
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
});
