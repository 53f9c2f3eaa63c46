// A past incident for the demo, so the incident list, its timeline and (later) RTO history are not empty:
// LiveKit went down 30 days ago and was recovered in 42 minutes.
import type { Tx } from "@/lib/db/client";
import { appendTimeline, type TimelineInput } from "@/lib/incidents/timeline";

export async function seedIncidents(tx: Tx, serviceIds: Map<string, string>, commanderId: string) {
  const declaredAt = new Date(Date.now() - 30 * 86_400_000);
  const at = (minutes: number) => new Date(declaredAt.getTime() + minutes * 60_000);
  const livekit = serviceIds.get("LiveKit Server")!;
  const system = await tx.service.findUniqueOrThrow({ where: { id: livekit }, select: { systemId: true } });
  const incident = await tx.incident.create({
    data: {
      title: "LiveKit media server unreachable: calls drop after connect",
      systemId: system.systemId,
      severity: "SEV1",
      status: "resolved",
      statusPageLevel: "operational",
      commanderId,
      source: "alertmanager",
      dedupKey: '{}:{alertname="LiveKitDown"}',
      declaredAt,
      acknowledgedAt: at(4),
      acknowledgedBy: "commander@lifeboat.local",
      resolvedAt: at(42),
      postmortem:
        "Root cause: the TURN certificate expired; LiveKit refused TLS. Fix: renewed the certificate and added expiry monitoring (30-day warning).",
      services: { create: [{ serviceId: livekit, verifiedAt: at(38) }] },
    },
  });
  const event = (
    minutes: number,
    kind: TimelineInput["kind"],
    actor: string,
    message: string,
    isPublic = false,
  ): TimelineInput => ({
    incidentId: incident.id,
    kind,
    actor: { name: actor },
    message,
    public: isPublic,
    at: at(minutes),
  });
  await appendTimeline(
    tx,
    event(
      0,
      "declared",
      "alertmanager",
      `INC-${incident.number} declared: SEV1 · critical on Vocare Restaurant Assistant, affecting LiveKit Server.`,
      true,
    ),
    event(
      0,
      "alert_received",
      "alertmanager",
      "Alert firing: LiveKitDown — media server health check failing (livekit)",
    ),
    event(0, "escalation_fired", "escalation", "Escalation level 1 fired: 2 pages going out."),
    event(
      4,
      "acknowledged",
      "commander@lifeboat.local",
      "Acknowledged by commander@lifeboat.local. Escalation stopped (3 page(s) not sent).",
    ),
    event(6, "status_changed", "commander@lifeboat.local", "Status Detected → Assessing.", true),
    event(15, "note", "commander@lifeboat.local", "TLS handshake to TURN fails: certificate expired yesterday.", false),
    event(
      18,
      "status_changed",
      "commander@lifeboat.local",
      "Status Assessing → Recovering. Renewing the certificate.",
      true,
    ),
    event(38, "service_verified", "health check", "LiveKit Server healthy again (measured recovery 38 min)."),
    event(40, "status_changed", "commander@lifeboat.local", "Status Recovering → Verifying.", true),
    event(42, "status_changed", "commander@lifeboat.local", "Status Verifying → Resolved. Escalation stopped.", true),
  );
}
