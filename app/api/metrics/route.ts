// Prometheus metrics (text exposition format): request latency, open streams, job queues, and the domain
// figures (open incidents, services out of RPO or unproven on RTO, failed notifications, workers). With
// METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` gets them (recommended in production);
// unset, anyone who can reach the app can (the "metrics-token" access in lib/api/routes.ts).
import { apiRoute } from "@/lib/api/route";
import { refreshDomainMetrics } from "@/lib/operate/domain-metrics";
import { metrics } from "@/lib/observability/metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/metrics", method: "GET" }, async ({ db }) => {
  await refreshDomainMetrics(db);
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
