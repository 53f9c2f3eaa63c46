// Escalation that really runs. When an incident opens, its policy (the system's, else its tier's) is
// planned into EscalationPage rows — one per page, at declaredAt + the page's minute — and one durable job
// per distinct due time. A job fires whatever is due for its incident unless someone acknowledged.
// `now` is a parameter so tests drive the clock; jobs pass the real time.
import type { Db, Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { findPagingData } from "@/lib/people/queries";
import { pagingSchedule, resolvePolicy } from "@/lib/people/paging";
import { deliver, type DeliveryConfig } from "@/lib/people/delivery";
import { appendTimeline } from "./timeline";
import { incidentRef } from "./model";
import { incidentLink } from "./links";
import { pageLinkText } from "./page-links";

/** A page claimed but not finished this long ago (a crashed worker) is claimed again. */
const RECLAIM_AFTER_SECONDS = 5 * 60;

export async function planEscalation(
  tx: Tx,
  jobs: JobSink,
  incident: { id: string; systemId: string | null; declaredAt: Date },
  topTier: number | null,
) {
  const paging = await findPagingData(tx);
  const policy = resolvePolicy(paging.policies, { systemId: incident.systemId, tier: topTier });
  if (!policy) return { policy: null, pages: 0 };
  const schedule = pagingSchedule(policy, paging.contacts, paging.channels, paging.readiness);
  const dueAt = (minute: number) => new Date(incident.declaredAt.getTime() + minute * 60_000);
  await tx.escalationPage.createMany({
    data: schedule.map((page) => ({
      incidentId: incident.id,
      dueAt: dueAt(page.at),
      cycle: page.cycle,
      level: page.level,
      channelId: page.channel.id,
      contactId: page.contact?.id ?? null,
    })),
  });
  for (const minute of new Set(schedule.map((p) => p.at))) {
    // Duplicate jobs are harmless: each page is claimed in the database before it is sent.
    await jobs.enqueue(tx, QUEUES.escalation, { incidentId: incident.id }, { startAfter: dueAt(minute) });
  }
  return { policy: { id: policy.id, name: policy.name }, pages: schedule.length };
}

type ClaimedPage = { id: bigint; cycle: number; level: number; channelId: string; contactId: string | null };
type IncidentHead = { number: number; title: string; severity: string; acknowledgedAt: Date | null; status: string };

/**
 * Claims the next due page (or cancels them all when the incident is acknowledged or resolved). One page
 * per claim, so a slow channel never leaves a batch of claimed-but-unsent pages for another worker to take
 * over and send again. "Due" is judged by the database's clock unless a test passes its own.
 */
async function claimNextPage(db: Db, incidentId: string, now: Date | null) {
  return db.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<IncidentHead[]>`
      SELECT number, title, severity::text, "acknowledgedAt", status::text FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
    if (!incident) return null;
    if (incident.acknowledgedAt || incident.status === "resolved") {
      await tx.escalationPage.updateMany({ where: { incidentId, state: "pending" }, data: { state: "cancelled" } });
      return null;
    }
    const [page] = await tx.$queryRaw<ClaimedPage[]>`
      UPDATE "EscalationPage" SET state = 'sending', "claimedAt" = COALESCE(${now}::timestamp, now())
      WHERE id = (
        SELECT id FROM "EscalationPage"
        WHERE "incidentId" = ${incidentId} AND "dueAt" <= COALESCE(${now}::timestamp, now())
          AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < COALESCE(${now}::timestamp, now()) - ${RECLAIM_AFTER_SECONDS} * interval '1 second'))
        ORDER BY "dueAt", level, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, cycle, level, "channelId", "contactId"`;
    if (!page) return null;
    // The first page of a level announces the level on the timeline.
    const [counts] = await tx.$queryRaw<{ started: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE state <> 'pending')::int AS started, count(*)::int AS total
      FROM "EscalationPage" WHERE "incidentId" = ${incidentId} AND cycle = ${page.cycle} AND level = ${page.level}`;
    const { started, total } = counts!;
    if (started === 1) {
      await appendTimeline(tx, {
        incidentId,
        kind: "escalation_fired",
        actor: { name: "escalation" },
        message: `Escalation level ${page.level}${page.cycle ? ` (repeat ${page.cycle})` : ""} fired: ${total} page${total === 1 ? "" : "s"} going out.`,
        data: { level: page.level, cycle: page.cycle, pages: total },
      });
    }
    return { incident, page };
  });
}

/** Fires every due page of the incident, one claim at a time; returns how many were sent and failed. */
export async function fireDueEscalations(db: Db, incidentId: string, now: Date | null = null, config?: DeliveryConfig) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimNextPage(db, incidentId, now);
    if (!claimed) return { sent, failed };
    const { incident, page } = claimed;
    const [channel, contact] = await Promise.all([
      db.notificationChannel.findUnique({ where: { id: page.channelId } }),
      page.contactId
        ? db.contact.findUnique({
            where: { id: page.contactId },
            select: { id: true, name: true, email: true, phone: true },
          })
        : null,
    ]);
    if (!channel) {
      await finishPage(
        db,
        incidentId,
        page,
        null,
        "failed",
        `Level ${page.level}: the channel was deleted; nothing sent.`,
      );
      failed += 1;
      continue;
    }
    const subject = `[${incident.severity}] ${incidentRef(incident.number)} ${incident.title}`;
    // A page to a person carries their signed one-tap link and reply code (helper B owns this file's routing:
    // this is the single call site to keep when merging).
    const actLine = contact ? `\n${await pageLinkText(db, { incidentId, contactId: contact.id })}` : "";
    const delivery = await deliver(
      db,
      {
        channel,
        contact,
        kind: "escalation",
        message: {
          subject,
          text: `Escalation level ${page.level}. Acknowledge in Lifeboat: ${incidentLink(incidentId)}${actLine}`,
        },
      },
      config,
    );
    const who = `${contact ? `${contact.name} via ` : ""}${channel.name} (${delivery.target})`;
    const ok = delivery.status === "sent";
    if (ok) sent += 1;
    else failed += 1;
    await finishPage(
      db,
      incidentId,
      page,
      delivery.id,
      ok ? "sent" : "failed",
      ok
        ? `Paged ${who}, level ${page.level}.`
        : `Could not page ${who}, level ${page.level}: ${delivery.lastError ?? "failed"}.`,
    );
  }
}

async function finishPage(
  db: Db,
  incidentId: string,
  page: ClaimedPage,
  deliveryId: bigint | null,
  state: "sent" | "failed",
  message: string,
) {
  await db.$transaction(async (tx) => {
    await tx.escalationPage.update({ where: { id: page.id }, data: { state, deliveryId } });
    await appendTimeline(tx, {
      incidentId,
      kind: state === "sent" ? "notification_sent" : "notification_failed",
      actor: { name: "escalation" },
      message,
      // The channel lets the timeline fold repeated failures of one channel into one row.
      data: {
        level: page.level,
        cycle: page.cycle,
        deliveryId: deliveryId?.toString() ?? null,
        channelId: page.channelId,
      },
    });
  });
}

/** Incidents with pages due and not fired (a lost job, a worker that was down): fired by the sweeper. */
async function findIncidentsWithDuePages(db: Db) {
  const rows = await db.$queryRaw<{ incidentId: string }[]>`
    SELECT DISTINCT "incidentId" FROM "EscalationPage"
    WHERE "dueAt" <= now() AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < now() - ${RECLAIM_AFTER_SECONDS} * interval '1 second'))
    LIMIT 500`;
  return rows.map((r) => r.incidentId);
}

export async function sweepDueEscalations(db: Db) {
  for (const incidentId of await findIncidentsWithDuePages(db)) {
    await fireDueEscalations(db, incidentId).catch((error) =>
      logger.error({ err: error, incidentId }, "escalation sweep failed"),
    );
  }
}

/** Where the escalation stands: the last level that fired and what is still to come. */
export async function findEscalationState(db: Db | Tx, incidentId: string) {
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
