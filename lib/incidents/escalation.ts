// Escalation that really runs: planned when an incident opens (./escalation-plan.ts), fired by jobs and a
// sweeper (./escalation-fire.ts), schedule targets resolved when they fire (./escalation-schedule.ts).
// This file is the entry point: the sweeper and where an incident's escalation stands ("escalate now" is
// ./escalate-now.ts).
import type { Db, Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import type { JobSink } from "@/lib/jobs/boss";
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
