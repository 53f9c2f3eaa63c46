// Drill schedules: every N days per runbook; overdue when the next date has passed without a drill.
import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { DrillScheduleInput } from "./schemas";

export async function saveDrillSchedule(db: Db, actor: AuditActor, input: DrillScheduleInput) {
  return db.$transaction(async (tx) => {
    const runbook = await tx.runbook.findUnique({ where: { id: input.runbookId }, select: { id: true, drill: true } });
    if (!runbook)
      throw new AppError("VALIDATION", { userMessage: "That runbook does not exist (any more).", field: "runbookId" });
    const before = runbook.drill;
    if (input.everyDays === null) {
      if (before) await tx.drillSchedule.delete({ where: { runbookId: input.runbookId } });
      await recordAudit(tx, {
        actor,
        action: "drill.unschedule",
        entityType: "Runbook",
        entityId: input.runbookId,
        before,
      });
      return null;
    }
    // The next drill is due N days after the last one, or N days from now if there was none.
    const from = before?.lastRunAt ?? new Date();
    const nextDueAt = new Date(from.getTime() + input.everyDays * 86_400_000);
    const after = await tx.drillSchedule.upsert({
      where: { runbookId: input.runbookId },
      create: { runbookId: input.runbookId, everyDays: input.everyDays, nextDueAt },
      update: { everyDays: input.everyDays, nextDueAt, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: "drill.schedule",
      entityType: "Runbook",
      entityId: input.runbookId,
      before,
      after,
    });
    return after;
  });
}

/** Every scheduled drill, soonest first, with its system and the runbook's last drill. */
export async function findDrillCalendar(db: Reader, now = new Date()) {
  const schedules = await db.drillSchedule.findMany({
    orderBy: { nextDueAt: "asc" },
    select: {
      everyDays: true,
      nextDueAt: true,
      lastRunAt: true,
      runbook: {
        select: {
          id: true,
          name: true,
          system: { select: { id: true, name: true } },
          runs: {
            where: { drill: true },
            orderBy: { startedAt: "desc" },
            take: 1,
            select: { id: true, state: true, startedAt: true },
          },
        },
      },
    },
  });
  return schedules.map((s) => ({ ...s, overdue: s.nextDueAt < now, lastDrill: s.runbook.runs[0] ?? null }));
}

/** Measured recovery times from drills, newest first. */
export function findDrillResults(db: Reader, limit = 50) {
  return db.recoveryMeasurement.findMany({
    where: { drill: true },
    orderBy: { verifiedAt: "desc" },
    take: limit,
    select: {
      id: true,
      seconds: true,
      verifiedAt: true,
      runId: true,
      service: { select: { id: true, name: true, rtoMinutes: true, system: { select: { name: true } } } },
    },
  });
}
