// "Escalate to the next level" now, instead of waiting for its minute: the Escalate button of a page link,
// an SMS reply "ESC <code>" and "Page now → next level". The next level is the earliest still-pending group of
// the incident's planned pages; its pages become due now and an escalation job fires them, so delivery,
// retries and the timeline are those of any policy page.
// (Written here because helper B's escalateNow in escalation.ts was not on this branch: merge onto B's.)
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { timelineActor, type Actor } from "./actor";
import { appendTimeline } from "./timeline";

const HOW: Record<string, string> = { "page link": " (from the page link)", "SMS reply": " (by SMS reply)" };

/** Inside the caller's transaction, which holds the incident's row lock. */
export async function escalateNowInTx(tx: Tx, jobs: JobSink, incidentId: string, actor: Actor) {
  const [next] = await tx.$queryRaw<{ cycle: number; level: number }[]>`
    SELECT cycle, level FROM "EscalationPage" WHERE "incidentId" = ${incidentId} AND state = 'pending'
    ORDER BY "dueAt", cycle, level LIMIT 1`;
  if (!next)
    throw new AppError("CONFLICT", {
      userMessage: "There is no further escalation level to page: every planned page has gone out.",
    });
  const moved = await tx.escalationPage.updateMany({
    where: { incidentId, state: "pending", cycle: next.cycle, level: next.level },
    data: { dueAt: new Date() },
  });
  await jobs.enqueue(tx, QUEUES.escalation, { incidentId });
  await recordAudit(tx, {
    actor,
    action: "incident.escalate",
    entityType: "Incident",
    entityId: incidentId,
    after: { level: next.level, cycle: next.cycle, pages: moved.count },
  });
  const who = timelineActor(actor);
  const how = "contact" in actor ? (HOW[actor.via] ?? "") : "";
  await appendTimeline(tx, {
    incidentId,
    kind: "escalation_fired",
    actor: who,
    message: `${who.name} escalated to the next level${how}: level ${next.level}, ${moved.count} page(s) going out now.`,
    data: { level: next.level, cycle: next.cycle, pages: moved.count, manual: true },
  });
  return { level: next.level, pages: moved.count };
}
