// Planning an incident's escalation when it opens: its policy (the system's, else its tier's) becomes
// EscalationPage rows — one per page, at declaredAt + the page's minute — and one durable job per distinct due
// time. A level that targets a schedule gets ONE row for the schedule (no channel, no contact): who is on call
// is decided when that row fires (./escalation-schedule.ts), not now.
import type { Tx } from "@/lib/db/client";
import { QUEUES, type JobSink } from "@/lib/jobs/boss";
import { findPagingData } from "@/lib/people/queries";
import { pagingSchedule, resolvePolicy } from "@/lib/people/paging";

export async function planEscalation(
  tx: Tx,
  jobs: JobSink,
  incident: { id: string; systemId: string | null; declaredAt: Date },
  topTier: number | null,
) {
  const paging = await findPagingData(tx);
  const policy = resolvePolicy(paging.policies, { systemId: incident.systemId, tier: topTier });
  if (!policy) return { policy: null, pages: 0 };
  // No on-call resolver: schedule targets stay unresolved rows.
  const schedule = pagingSchedule(policy, paging.contacts, paging.channels, paging.readiness, {
    schedules: paging.schedules,
  });
  const dueAt = (minute: number) => new Date(incident.declaredAt.getTime() + minute * 60_000);
  await tx.escalationPage.createMany({
    data: schedule.map((page) => ({
      incidentId: incident.id,
      dueAt: dueAt(page.at),
      cycle: page.cycle,
      level: page.level,
      channelId: page.channel?.id ?? null,
      contactId: page.contact?.id ?? null,
      scheduleId: page.channel ? null : (page.schedule?.id ?? null),
    })),
  });
  await enqueueAt(tx, jobs, incident.id, [...new Set(schedule.map((p) => p.at))].map(dueAt));
  return { policy: { id: policy.id, name: policy.name }, pages: schedule.length };
}

/** One escalation job per distinct time. Duplicates are harmless: each page is claimed in the database first. */
export async function enqueueAt(tx: Tx, jobs: JobSink, incidentId: string, times: readonly Date[]) {
  for (const time of new Set(times.map((t) => t.getTime()))) {
    await jobs.enqueue(tx, QUEUES.escalation, { incidentId }, { startAfter: new Date(time) });
  }
}
