// "Escalate to the next level" now, instead of waiting for its minute: the incident page's Page now, the
// Escalate button of a page link and an SMS reply "ESC <code>". The next level is the earliest one none of
// whose pages has gone out yet; its pages move earlier so the first is due now — a contact's rule pages keep
// their +N minutes from there — and escalation jobs fire them, so delivery, retries and the timeline are
// those of any policy page.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { JobSink } from "@/lib/jobs/boss";
import { timelineActor, type Actor } from "./actor";
import { appendTimeline } from "./timeline";
import { enqueueAt } from "./escalation-plan";

const HOW: Record<string, string> = { "page link": " (from the page link)", "SMS reply": " (by SMS reply)" };

/** Inside the caller's transaction, which holds the incident's row lock. */
export async function escalateNowInTx(tx: Tx, jobs: JobSink, incidentId: string, actor: Actor, now = new Date()) {
  // A level counts as started once any of its pages left 'pending'. Level 0 holds pages sent by hand (Page now).
  const [next] = await tx.$queryRaw<{ cycle: number; level: number; firstDue: Date }[]>`
    SELECT cycle, level, min("dueAt") AS "firstDue" FROM "EscalationPage" WHERE "incidentId" = ${incidentId} AND level > 0
    GROUP BY cycle, level HAVING bool_and(state = 'pending')
    ORDER BY cycle, level LIMIT 1`;
  if (!next)
    throw new AppError("CONFLICT", {
      userMessage: "There is no further escalation level to page: every planned level has gone out.",
    });
  const shiftMs = Math.min(0, now.getTime() - next.firstDue.getTime());
  const moved = await tx.$queryRaw<{ dueAt: Date }[]>`
    UPDATE "EscalationPage" SET "dueAt" = "dueAt" + ${shiftMs} * interval '1 millisecond'
    WHERE "incidentId" = ${incidentId} AND cycle = ${next.cycle} AND level = ${next.level} AND state = 'pending'
    RETURNING "dueAt"`;
  await enqueueAt(
    tx,
    jobs,
    incidentId,
    moved.map((page) => page.dueAt),
  );
  await recordAudit(tx, {
    actor,
    action: "incident.escalate",
    entityType: "Incident",
    entityId: incidentId,
    after: { level: next.level, cycle: next.cycle, pages: moved.length },
  });
  const who = timelineActor(actor);
  const how = "contact" in actor ? (HOW[actor.via] ?? "") : "";
  await appendTimeline(tx, {
    incidentId,
    kind: "escalation_fired",
    actor: who,
    message: `${who.name} escalated to the next level${how}: level ${next.level}, ${moved.length} page(s) going out now.`,
    data: { level: next.level, cycle: next.cycle, pages: moved.length, manual: true },
  });
  return { level: next.level, pages: moved.length };
}
