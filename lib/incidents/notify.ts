// The notification matrix at work: when an incident event happens (detected, DR activated, progress,
// recovery complete…), every matrix rule for that event sends on its channel, and the outcome goes on
// the timeline. Webhook rules post once; email/SMS/voice rules go to the contacts their "recipients"
// names (a contact's name, role or team, comma-separated). Runs as a durable job, off the request path.
import type { Db } from "@/lib/db/client";
import type { IncidentEvent } from "@/lib/generated/prisma/enums";
import { deliver, type DeliveryConfig } from "@/lib/people/delivery";
import { DEFAULT_MATRIX } from "@/lib/people/matrix";
import { EVENT_LABELS } from "@/lib/people/schemas";
import { logger } from "@/lib/log";
import { appendTimeline } from "./timeline";
import { incidentRef, STATUS_LABELS } from "./model";
import { incidentLink } from "./links";

export type NotifyJob = { incidentId: string; event: IncidentEvent; text?: string };

/** Contacts a rule's free-text recipients name: by name, role or team (case-insensitive). */
export function matchRecipients<C extends { name: string; roles: string[]; team: string }>(
  recipients: string,
  contacts: readonly C[],
): C[] {
  const wanted = recipients
    .split(/[,;]/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (wanted.length === 0) return [];
  return contacts.filter((c) => [c.name, c.team, ...c.roles].some((v) => wanted.includes(v.trim().toLowerCase())));
}

export async function sendMatrixNotifications(db: Db, job: NotifyJob, config?: DeliveryConfig) {
  const incident = await db.incident.findUnique({
    where: { id: job.incidentId },
    select: {
      id: true,
      number: true,
      title: true,
      severity: true,
      status: true,
      systemId: true,
      system: { select: { name: true } },
    },
  });
  if (!incident) return { sent: 0, failed: 0 };
  // The system's own matrix when it has one, else the fleet-wide default.
  const own = incident.systemId
    ? await db.notificationMatrix.findUnique({ where: { systemId: incident.systemId }, select: { id: true } })
    : null;
  const rules = await db.notificationRule.findMany({
    where: { matrixId: own?.id ?? DEFAULT_MATRIX, event: job.event, channelId: { not: null } },
    orderBy: { position: "asc" },
    include: { channel: true },
  });
  if (rules.length === 0) return { sent: 0, failed: 0 };
  const contacts = await db.contact.findMany({
    select: { id: true, name: true, email: true, phone: true, roles: true, team: true },
  });
  const subject = `[${incident.severity}] ${incidentRef(incident.number)} ${EVENT_LABELS[job.event]}: ${incident.title}`;
  const text = [
    `${incident.system?.name ?? "No system"} · status ${STATUS_LABELS[incident.status]}`,
    job.text,
    incidentLink(incident.id),
  ]
    .filter(Boolean)
    .join("\n");
  let sent = 0;
  let failed = 0;
  for (const rule of rules) {
    const channel = rule.channel!;
    const targets = channel.type === "webhook" ? [null] : matchRecipients(rule.recipients, contacts);
    const results: { ok: boolean; line: string }[] = [];
    if (targets.length === 0) {
      results.push({
        ok: false,
        line: `${EVENT_LABELS[job.event]} → ${rule.recipients || "(no recipients)"} via ${channel.name}: no contact matches "${rule.recipients}"`,
      });
    }
    for (const contact of targets) {
      const delivery = await deliver(
        db,
        { channel, contact, kind: `matrix:${job.event}`, message: { subject, text } },
        config,
      );
      const ok = delivery.status === "sent";
      results.push({
        ok,
        line: `${EVENT_LABELS[job.event]} → ${rule.audience} (${rule.recipients || channel.name}) via ${channel.name} ${delivery.target}${ok ? "" : `: ${delivery.lastError ?? "failed"}`}`,
      });
    }
    sent += results.filter((r) => r.ok).length;
    failed += results.filter((r) => !r.ok).length;
    // The messages are out: a failure to record them must not make the job retry and send them again.
    await db
      .$transaction((tx) =>
        appendTimeline(
          tx,
          ...results.map((r) => ({
            incidentId: incident.id,
            kind: r.ok ? ("notification_sent" as const) : ("notification_failed" as const),
            actor: { name: "notification matrix" },
            message: r.ok ? `Notified: ${r.line}` : `Not delivered: ${r.line}`,
            data: { event: job.event, ruleId: rule.id, channelId: channel.id },
          })),
        ),
      )
      .catch((error) =>
        logger.error({ err: error, incidentId: incident.id }, "notifications sent but not recorded on the timeline"),
      );
  }
  return { sent, failed };
}
