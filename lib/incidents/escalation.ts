// Escalation that really runs. When an incident opens, its policy (the system's, else its tier's) is
// planned into EscalationPage rows — one per page, at declaredAt + the page's minute — and one durable job
// per distinct due time. A job fires whatever is due for its incident unless someone acknowledged.
// `now` is a parameter so tests drive the clock; jobs pass the real time.
import type { Db, Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { loadPagingData } from "@/lib/people/load";
import { pagingSchedule, resolvePolicy } from "@/lib/people/paging";
import { deliver, type DeliveryConfig } from "@/lib/people/delivery";
import { appendTimeline } from "./timeline";
import { incidentRef } from "./model";
import { incidentLink } from "./links";

/** A page claimed but not finished this long ago (a crashed worker) is claimed again. */
const RECLAIM_AFTER_MS = 5 * 60_000;

export async function planEscalation(tx: Tx, jobs: JobSink, incident: { id: string; systemId: string | null; declaredAt: Date }, topTier: number | null) {
  const paging = await loadPagingData(tx);
  const policy = resolvePolicy(paging.policies, { systemId: incident.systemId, tier: topTier });
  if (!policy) return { policy: null, pages: 0 };
  const schedule = pagingSchedule(policy, paging.contacts, paging.channels, paging.readiness);
  const dueAt = (minute: number) => new Date(incident.declaredAt.getTime() + minute * 60_000);
  await tx.escalationPage.createMany({
    data: schedule.map((page) => ({ incidentId: incident.id, dueAt: dueAt(page.at), cycle: page.cycle, level: page.level, channelId: page.channel.id, contactId: page.contact?.id ?? null })),
  });
  for (const minute of new Set(schedule.map((p) => p.at))) {
    await jobs.enqueue(tx, QUEUES.escalation, { incidentId: incident.id }, { startAfter: dueAt(minute), singletonKey: `${incident.id}:${minute}` });
  }
  return { policy: { id: policy.id, name: policy.name }, pages: schedule.length };
}

type ClaimedPage = { id: bigint; cycle: number; level: number; channelId: string; contactId: string | null };

/** Claims the due pages (or cancels them all when the incident is acknowledged or resolved). */
async function claimDuePages(db: Db, incidentId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<{ number: number; title: string; severity: string; acknowledgedAt: Date | null; status: string }[]>`
      SELECT number, title, severity::text, "acknowledgedAt", status::text FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
    if (!incident) return null;
    if (incident.acknowledgedAt || incident.status === "resolved") {
      await tx.escalationPage.updateMany({ where: { incidentId, state: "pending" }, data: { state: "cancelled" } });
      return { incident, pages: [] as ClaimedPage[] };
    }
    const pages = await tx.$queryRaw<ClaimedPage[]>`
      UPDATE "EscalationPage" SET state = 'sending', "claimedAt" = ${now}
      WHERE "incidentId" = ${incidentId} AND "dueAt" <= ${now}
        AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < ${new Date(now.getTime() - RECLAIM_AFTER_MS)}))
      RETURNING id, cycle, level, "channelId", "contactId"`;
    if (pages.length) {
      const levels = [...new Set(pages.map((p) => `${p.level}:${p.cycle}`))];
      await appendTimeline(
        tx,
        ...levels.map((key) => {
          const [level, cycle] = key.split(":").map(Number) as [number, number];
          const count = pages.filter((p) => p.level === level && p.cycle === cycle).length;
          return {
            incidentId,
            kind: "escalation_fired" as const,
            actor: { name: "escalation" },
            message: `Escalation level ${level}${cycle ? ` (repeat ${cycle})` : ""} fired: ${count} page${count === 1 ? "" : "s"} going out.`,
            data: { level, cycle, pages: count },
          };
        }),
      );
    }
    return { incident, pages: pages.sort((a, b) => a.level - b.level || Number(a.id - b.id)) };
  });
}

/** Fires every due page of the incident; returns how many were sent and failed. */
export async function fireDueEscalations(db: Db, incidentId: string, now: Date, config?: DeliveryConfig) {
  const claimed = await claimDuePages(db, incidentId, now);
  if (!claimed || claimed.pages.length === 0) return { sent: 0, failed: 0 };
  const { incident, pages } = claimed;
  const [channels, contacts] = await Promise.all([
    db.notificationChannel.findMany({ where: { id: { in: pages.map((p) => p.channelId) } } }),
    db.contact.findMany({ where: { id: { in: pages.flatMap((p) => (p.contactId ? [p.contactId] : [])) } }, select: { id: true, name: true, email: true, phone: true } }),
  ]);
  let sent = 0;
  let failed = 0;
  for (const page of pages) {
    const channel = channels.find((c) => c.id === page.channelId);
    const contact = contacts.find((c) => c.id === page.contactId) ?? null;
    if (!channel) {
      await finishPage(db, incidentId, page, null, "failed", `Level ${page.level}: the channel was deleted; nothing sent.`);
      failed += 1;
      continue;
    }
    const subject = `[${incident.severity}] ${incidentRef(incident.number)} ${incident.title}`;
    const delivery = await deliver(
      db,
      { channel, contact, kind: "escalation", message: { subject, text: `Escalation level ${page.level}. Acknowledge in Lifeboat: ${incidentLink(incidentId)}` } },
      config,
    );
    const who = `${contact ? `${contact.name} via ` : ""}${channel.name} (${delivery.target})`;
    const ok = delivery.status === "sent";
    if (ok) sent += 1;
    else failed += 1;
    await finishPage(db, incidentId, page, delivery.id, ok ? "sent" : "failed", ok ? `Paged ${who}, level ${page.level}.` : `Could not page ${who}, level ${page.level}: ${delivery.lastError ?? "failed"}.`);
  }
  return { sent, failed };
}

async function finishPage(db: Db, incidentId: string, page: ClaimedPage, deliveryId: bigint | null, state: "sent" | "failed", message: string) {
  await db.$transaction(async (tx) => {
    await tx.escalationPage.update({ where: { id: page.id }, data: { state, deliveryId } });
    await appendTimeline(tx, {
      incidentId,
      kind: state === "sent" ? "notification_sent" : "notification_failed",
      actor: { name: "escalation" },
      message,
      data: { level: page.level, cycle: page.cycle, deliveryId: deliveryId?.toString() ?? null },
    });
  });
}

/** Incidents with pages due and not fired (a lost job, a worker that was down): fired by the sweeper. */
export async function incidentsWithDuePages(db: Db, now: Date) {
  const rows = await db.$queryRaw<{ incidentId: string }[]>`
    SELECT DISTINCT "incidentId" FROM "EscalationPage"
    WHERE "dueAt" <= ${now} AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < ${new Date(now.getTime() - RECLAIM_AFTER_MS)}))
    LIMIT 500`;
  return rows.map((r) => r.incidentId);
}

export async function sweepDueEscalations(db: Db, now: Date) {
  for (const incidentId of await incidentsWithDuePages(db, now)) {
    await fireDueEscalations(db, incidentId, now).catch((error) => logger.error({ err: error, incidentId }, "escalation sweep failed"));
  }
}

/** Where the escalation stands: the last level that fired and what is still to come. */
export async function escalationState(db: Db | Tx, incidentId: string) {
  const rows = await db.$queryRaw<{ state: string; count: number; maxLevel: number | null; nextDue: Date | null }[]>`
    SELECT state::text, count(*)::int AS count, max(level) AS "maxLevel", min("dueAt") AS "nextDue"
    FROM "EscalationPage" WHERE "incidentId" = ${incidentId} GROUP BY state`;
  const by = Object.fromEntries(rows.map((r) => [r.state, r]));
  const fired = [by.sent, by.failed, by.sending].filter(Boolean);
  return {
    planned: rows.reduce((n, r) => n + r.count, 0),
    currentLevel: fired.length ? Math.max(...fired.map((r) => r!.maxLevel ?? 0)) : null,
    sent: by.sent?.count ?? 0,
    failed: by.failed?.count ?? 0,
    cancelled: by.cancelled?.count ?? 0,
    nextDueAt: by.pending?.nextDue ?? null,
  };
}
