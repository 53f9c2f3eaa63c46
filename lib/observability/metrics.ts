// The process's Prometheus metrics, in a registry of their own (not prom-client's global one), kept on
// globalThis so a Next dev reload or a second bundle of this module does not register everything twice.
// Request metrics are updated as requests are served; the domain gauges (incidents, RPO, RTO, jobs,
// notifications, workers) are computed at scrape time by lib/operate/domain-metrics.ts.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requestDuration: new Histogram({
      name: "lifeboat_http_request_duration_seconds",
      help: "Time to answer API route requests (route = its path pattern) and server actions (route = action:<name>, method = ACTION), by HTTP status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    sseOpenStreams: new Gauge({
      name: "lifeboat_sse_open_streams",
      help: "Live timeline streams (server-sent events) open in this process",
      registers,
    }),
    sseStreamsRefused: new Counter({
      name: "lifeboat_sse_streams_refused_total",
      help: "Live timeline streams refused with 429 because a cap was reached (cap = user: STREAMS_PER_USER; process: STREAMS_PER_PROCESS)",
      labelNames: ["cap"] as const,
      registers,
    }),
    jobQueueDepth: new Gauge({
      name: "lifeboat_job_queue_depth",
      help: "Jobs waiting in a pg-boss queue (created or retry)",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobQueueActive: new Gauge({
      name: "lifeboat_job_queue_active",
      help: "Jobs of a pg-boss queue being worked on",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobFailures: new Gauge({
      name: "lifeboat_job_failures_24h",
      help: "Jobs that failed for good (retries used up) in the last 24 hours, by queue",
      labelNames: ["queue"] as const,
      registers,
    }),
    incidentsOpen: new Gauge({
      name: "lifeboat_incidents_open",
      help: "Incidents not resolved, by severity",
      labelNames: ["severity"] as const,
      registers,
    }),
    servicesByRpoBand: new Gauge({
      name: "lifeboat_services_rpo_band",
      help: "Services by live RPO band (newest good backup against the RPO)",
      labelNames: ["band"] as const,
      registers,
    }),
    servicesOutOfRpo: new Gauge({
      name: "lifeboat_services_out_of_rpo",
      help: "Services with an RPO whose newest good backup is older than it, or that have none",
      registers,
    }),
    servicesRtoUnproven: new Gauge({
      name: "lifeboat_services_rto_unproven",
      help: "Services with an RTO target and no recovery measured in the last 90 days",
      registers,
    }),
    notificationFailures: new Gauge({
      name: "lifeboat_notification_failures_24h",
      help: "Notification deliveries that failed in the last 24 hours, by channel type",
      labelNames: ["channel_type"] as const,
      registers,
    }),
    workersAlive: new Gauge({
      name: "lifeboat_workers_alive",
      help: "Job worker processes whose heartbeat is recent (every 10 s; stale after 30 s)",
      registers,
    }),
    workerHeartbeatAge: new Gauge({
      name: "lifeboat_worker_heartbeat_age_seconds",
      help: "Seconds since the newest job worker heartbeat (absent when no worker ever reported)",
      registers,
    }),
    collectSuccess: new Gauge({
      name: "lifeboat_metrics_collect_success",
      help: "1 when the domain metrics were read from the database, 0 when that failed (they are then absent)",
      registers,
    }),
    collectDuration: new Gauge({
      name: "lifeboat_metrics_collect_duration_seconds",
      help: "Time the domain metrics queries took",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { lifeboatMetrics?: Metrics };

/** This process's metrics (created on first use). */
export function metrics(): Metrics {
  globalForMetrics.lifeboatMetrics ??= createMetrics();
  return globalForMetrics.lifeboatMetrics;
}
