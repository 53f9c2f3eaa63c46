// Backup reads for one service's pages: its latest runs, their sizes over time, and how many runs it has.
import type { Reader } from "@/lib/db/client";

/** The service's newest 50 runs, newest first. */
export function findBackupRuns(db: Reader, serviceId: string) {
  return db.backupRun.findMany({
    where: { serviceId },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: {
      id: true,
      externalId: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      sizeBytes: true,
      verified: true,
      location: true,
      message: true,
      policy: { select: { name: true } },
    },
  });
}

/** The largest successful backup per day over the last 90 days (null bytes: no size reported). */
export function findBackupSizes(db: Reader, serviceId: string) {
  return db.$queryRaw<{ day: Date; bytes: bigint | null }[]>`
    SELECT date_trunc('day', "startedAt") AS day, max("sizeBytes") AS bytes FROM "BackupRun"
    WHERE "serviceId" = ${serviceId} AND status = 'succeeded' AND "startedAt" >= now() - interval '90 days' GROUP BY 1 ORDER BY 1`;
}

/** How many runs the service has reported, ever. */
export function findBackupRunCount(db: Reader, serviceId: string) {
  return db.backupRun.count({ where: { serviceId } });
}
