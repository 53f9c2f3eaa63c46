// Firing an incident's due pages. A job fires whatever is due for its incident unless someone acknowledged;
// a schedule row turns into the on-call contact's pages at that moment (./escalation-schedule.ts).
// `now` is a parameter so tests drive the clock; jobs pass the real time.
import type { Db } from "@/lib/db/client";
import type { JobSink } from "@/lib/jobs/boss";
import { deliver, type DeliveryConfig } from "@/lib/people/delivery";
import { appendTimeline } from "./timeline";
import { incidentRef } from "./model";
import { incidentLink } from "./links";
import { pageLinkText } from "./page-links";
import { resolveSchedulePage } from "./escalation-schedule";
import { finishPage, type ClaimedPage } from "./escalation-finish";

/** A page claimed but not finished this long ago (a crashed worker) is claimed again. */
export const RECLAIM_AFTER_SECONDS = 5 * 60;

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
    if (incident.status === "resolved") {
      await tx.escalationPage.updateMany({ where: { incidentId, state: "pending" }, data: { state: "cancelled" } });
      return null;
    }
    // Acknowledged: the policy stops; pages sent by hand afterwards (Page now, level 0) still go out.
    const acknowledged = incident.acknowledgedAt !== null;
    if (acknowledged)
      await tx.escalationPage.updateMany({
        where: { incidentId, state: "pending", level: { gt: 0 } },
        data: { state: "cancelled" },
      });
    const [page] = await tx.$queryRaw<ClaimedPage[]>`
      UPDATE "EscalationPage" SET state = 'sending', "claimedAt" = COALESCE(${now}::timestamp, now())
      WHERE id = (
        SELECT id FROM "EscalationPage"
        WHERE "incidentId" = ${incidentId} AND "dueAt" <= COALESCE(${now}::timestamp, now()) AND (level = 0 OR NOT ${acknowledged})
          AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < COALESCE(${now}::timestamp, now()) - ${RECLAIM_AFTER_SECONDS} * interval '1 second'))
        ORDER BY "dueAt", level, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, cycle, level, "dueAt", "channelId", "contactId", "scheduleId", message`;
    if (!page) return null;
    // The first page of a level announces the level on the timeline.
    const [counts] = await tx.$queryRaw<{ started: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE state <> 'pending')::int AS started, count(*)::int AS total
      FROM "EscalationPage" WHERE "incidentId" = ${incidentId} AND cycle = ${page.cycle} AND level = ${page.level}`;
    const { started, total } = counts!;
    if (started === 1 && page.level > 0) {
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

/**
 * Fires every due page of the incident, one claim at a time; returns how many were sent and failed.
 * `jobs` wakes the escalation queue for rule pages a schedule row adds later (+N minutes); without it the
 * sweeper finds them within its period.
 */
export async function fireDueEscalations(
  db: Db,
  incidentId: string,
  now: Date | null = null,
  config?: DeliveryConfig,
  jobs?: JobSink,
) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimNextPage(db, incidentId, now);
    if (!claimed) return { sent, failed };
    const { incident, page } = claimed;
    if (page.scheduleId || !page.channelId) {
      const outcome = await resolveSchedulePage(db, incidentId, page, now ?? new Date(), jobs);
      if (outcome === "failed") failed += 1;
      continue;
    }
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
    // A page to a person carries their signed one-tap link and reply code.
    const link = contact ? `\n${await pageLinkText(db, { incidentId, contactId: contact.id })}` : "";
    // A page sent by hand says who sent it and why (its message) instead of a level.
    const head = page.level > 0 ? `Escalation level ${page.level}.` : `Paged by ${page.message}.`;
    const text = `${head} Acknowledge in Lifeboat: ${incidentLink(incidentId)}${link}`;
    const delivery = await deliver(db, { channel, contact, kind: "escalation", message: { subject, text } }, config);
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
