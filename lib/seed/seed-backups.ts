// 90 days of realistic backup history for the demo: nightly and hourly jobs, a few failures and
// unverified runs, and one service (hourly config snapshots) that stopped succeeding ~5 hours ago.
import { CronExpressionParser } from "cron-parser";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { DEMO_BACKUP_POLICIES } from "./demo-plans";

const DAY = 86_400_000;

// Deterministic pseudo-randomness, so every fresh demo looks the same.
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function startsFor(schedule: { intervalMinutes: number | null; cron: string | null }, now: number): number[] {
  const from = now - 90 * DAY;
  const starts: number[] = [];
  if (schedule.intervalMinutes) {
    for (let t = from; t < now - schedule.intervalMinutes * 60_000 * 0.5; t += schedule.intervalMinutes * 60_000)
      starts.push(t);
    return starts;
  }
  // The same cron reading the app uses for missed schedules (UTC).
  const times = CronExpressionParser.parse(schedule.cron!, {
    tz: "UTC",
    currentDate: new Date(from),
    endDate: new Date(now),
  });
  while (times.hasNext()) starts.push(times.next().getTime());
  return starts;
}

export async function seedBackups(tx: Tx, serviceIds: Map<string, string>, now = Date.now()) {
  const random = generator(42);
  for (const demo of DEMO_BACKUP_POLICIES) {
    const drift = "drift" in demo && demo.drift;
    const created = await tx.backupPolicy.create({
      data: {
        serviceId: serviceIds.get(demo.service)!,
        name: demo.name,
        intervalMinutes: "intervalMinutes" in demo ? demo.intervalMinutes : null,
        cron: "cron" in demo ? demo.cron : null,
        retentionLocalDays: demo.retentionLocalDays,
        retentionRemoteDays: demo.retentionRemoteDays,
        locations: demo.locations,
        method: demo.method,
        verification: demo.verification,
        requireVerified: demo.requireVerified,
        createdAt: new Date(now - 91 * DAY),
      },
    });
    const sizeMb = demo.sizeMb;
    await recordAudit(tx, {
      actor: { system: "demo-seed" },
      action: "backup_policy.create",
      entityType: "BackupPolicy",
      entityId: created.id,
      after: created,
    });
    const rows = startsFor(created, now).map((start, i) => {
      const late = now - start < 5 * 3_600_000;
      const failed = (drift && late) || random() < 0.03;
      const verified = !failed && created.verification !== "none" && random() > 0.02;
      const duration = Math.round((2 + random() * 10) * 60_000);
      const size = Math.round(sizeMb * 1_048_576 * (0.8 + (i / 2200) * 0.3 + random() * 0.05));
      return Prisma.sql`(${created.id}, ${created.serviceId}, ${`demo-${i}`}, ${failed ? "failed" : "succeeded"}::"BackupRunStatus", ${new Date(start)}, ${new Date(start + duration)},
        ${failed ? null : BigInt(size)}, ${failed ? "" : drift && late ? "" : "demo"}, ${verified}, ${failed ? (drift ? "storage account throttled: 503 Server Busy" : "upload timed out") : ""}, now())`;
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.$executeRaw`INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "sizeBytes", checksum, verified, message, "updatedAt") VALUES ${Prisma.join(rows.slice(i, i + 1000))}`;
    }
  }
}
