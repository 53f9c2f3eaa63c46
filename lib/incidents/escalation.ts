// Escalation that really runs: planned when an incident opens (./escalation-plan.ts), fired by jobs and a
// sweeper (./escalation-fire.ts), schedule targets resolved when they fire (./escalation-schedule.ts).
// This file is the entry point: the sweeper, "escalate now", and where an incident's escalation stands.
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { JobSink } from "@/lib/jobs/boss";
import { appendTimeline } from "./timeline";
import { enqueueAt } from "./escalation-plan";
import { fireDueEscalations, RECLAIM_AFTER_SECONDS } from "./escalation-fire";

export { planEscalation } from "./escalation-plan";
export { fireDueEscalations } from "./escalation-fire";

/** Incidents with pages due and not fired (a lost job, a worker that was down): fired by the sweeper. */
async function findIncidentsWithDuePages(db: Db) {
  const rows = await db.$queryRaw<{ incidentId: string }[]>`
    SELECT DISTINCT "incidentId" FROM "EscalationPage"
    WHERE "dueAt" <= now() AND (state = 'pending' OR (state = 'sending' AND "claimedAt" < now() - ${RECLAIM_AFTER_SECONDS} * interval '1 second'))
    LIMIT 500`;
  return rows.map((r) => r.incidentId);
}

export async function sweepDueEscalations(db: Db, jobs?: JobSink) {
  for (const incidentId of await findIncidentsWithDuePages(db)) {
    await fireDueEscalations(db, incidentId, null, undefined, jobs).catch((error) =>
      logger.error({ err: error, incidentId }, "escalation sweep failed"),
    );
  }
}

/**
 * "Escalate to the next level" (the incident page, a page link): the next level nobody has been paged on yet
 * (lowest cycle, then level) becomes due now — its rule pages keep their +N minutes from there — and the
 * escalation job runs at once. Throws CONFLICT when no level is left.
 */
export async function escalateNow(
  db: Db,
  incidentId: string,
  actor: { id?: string | null; name: string },
  options: { jobs?: JobSink; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  // The app's own pg-boss unless the caller brings one (tests, the worker); loaded lazily: it is server-only.
  const jobs = options.jobs ?? (await (await import("@/lib/jobs/app-jobs")).appJobs());
  return db.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
    if (!incident) throw new AppError("NOT_FOUND", { userMessage: "No such incident." });
    if (incident.status === "resolved")
      throw new AppError("CONFLICT", { userMessage: "The incident is resolved: there is nobody left to escalate to." });
    // A level counts as started once any of its pages left 'pending'.
    const [next] = await tx.$queryRaw<{ cycle: number; level: number; firstDue: Date }[]>`
      SELECT cycle, level, min("dueAt") AS "firstDue" FROM "EscalationPage" WHERE "incidentId" = ${incidentId}
      GROUP BY cycle, level HAVING bool_and(state = 'pending')
      ORDER BY cycle, level LIMIT 1`;
    if (!next) throw new AppError("CONFLICT", { userMessage: "No further level to escalate to." });
    const shiftMs = Math.min(0, now.getTime() - next.firstDue.getTime());
    await tx.$executeRaw`
      UPDATE "EscalationPage" SET "dueAt" = "dueAt" + ${shiftMs} * interval '1 millisecond'
      WHERE "incidentId" = ${incidentId} AND cycle = ${next.cycle} AND level = ${next.level} AND state = 'pending'`;
    await appendTimeline(tx, {
      incidentId,
      kind: "escalation_fired",
      actor: { id: actor.id ?? null, name: actor.name },
      message: `${actor.name} escalated to level ${next.level}.`,
      data: { level: next.level, cycle: next.cycle, manual: true },
    });
    await enqueueAt(tx, jobs, incidentId, [now]);
    return { level: next.level };
  });
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
