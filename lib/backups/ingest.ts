// Backup runs reported by the backup jobs. Idempotent by (policy, externalId): the first report creates
// the run, later ones update it, and a late "running" never overwrites a finished run.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { BackupRunInput } from "./schemas";

export const MAX_BODY_BYTES = 64 * 1024;
/** Reported times may be this far ahead of our clock (the job's clock may run a little fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * Refuses timestamps from the future (beyond the skew allowance: they would make stale backups look fresh)
 * and from before 2000 (a broken clock, or a date Postgres cannot store such as year 0).
 */
export function timestampProblem(run: BackupRunInput, now: Date): { field: string; message: string } | null {
  for (const field of ["startedAt", "finishedAt"] as const) {
    const value = run[field];
    if (value && value.getTime() > now.getTime() + CLOCK_SKEW_MS)
      return {
        field,
        message: `${field} is in the future (more than ${CLOCK_SKEW_MS / 60_000} minutes ahead of the server's clock)`,
      };
    if (value && value.getTime() < EARLIEST)
      return { field, message: `${field} is before the year 2000: check the job's clock` };
  }
  return null;
}

async function resolvePolicyByName(db: Db, run: BackupRunInput) {
  const candidates = await db.backupPolicy.findMany({
    where: {
      name: run.policy,
      service: {
        OR: [{ id: run.service }, { name: run.service, ...(run.system && { system: { name: run.system } }) }],
      },
    },
    select: { id: true, serviceId: true },
    take: 2,
  });
  if (candidates.length === 0)
    throw new AppError("VALIDATION", {
      userMessage: `No backup policy "${run.policy}" on service "${run.service}"`,
      field: "policy",
    });
  if (candidates.length > 1)
    throw new AppError("VALIDATION", {
      userMessage: `Several services are named "${run.service}": add "system", or use policyId`,
      field: "service",
    });
  return candidates[0]!;
}

export type StoredRun = {
  id: string;
  policyId: string;
  serviceId: string;
  externalId: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  sizeBytes: number | null;
  checksum: string | null;
  location: string | null;
  verified: boolean;
  message: string;
};

type RunRow = Omit<StoredRun, "id" | "startedAt" | "finishedAt" | "sizeBytes"> & {
  id: bigint;
  startedAt: Date;
  finishedAt: Date | null;
  sizeBytes: bigint | null;
  inserted: boolean;
};

/**
 * Stores a reported run in one statement: the policy is looked up inside the INSERT (so the common
 * "policyId" report costs one round trip), and the update is skipped when it would move a finished run
 * back to "running" (a retried start report arriving after the finish).
 */
async function upsertRun(
  db: Db,
  policyFilter: Prisma.Sql,
  run: BackupRunInput,
  tokenId: string | null,
): Promise<RunRow | undefined> {
  const rows = await db.$queryRaw<RunRow[]>`
    INSERT INTO "BackupRun" ("policyId", "serviceId", "externalId", status, "startedAt", "finishedAt", "sizeBytes", checksum, location, verified, message, "reportedByTokenId", "updatedAt")
    SELECT p.id, p."serviceId", ${run.externalId}, ${run.status}::"BackupRunStatus", ${run.startedAt}, ${run.finishedAt ?? null},
           ${run.sizeBytes === undefined ? null : BigInt(run.sizeBytes)}, ${run.checksum ?? null}, ${run.location ?? null}, ${run.verified ?? false}, ${run.message ?? ""}, ${tokenId}, now()
    FROM "BackupPolicy" p WHERE ${policyFilter}
    ON CONFLICT ("policyId", "externalId") DO UPDATE SET
      status = EXCLUDED.status, "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt",
      "sizeBytes" = COALESCE(EXCLUDED."sizeBytes", "BackupRun"."sizeBytes"), checksum = COALESCE(EXCLUDED.checksum, "BackupRun".checksum),
      location = COALESCE(EXCLUDED.location, "BackupRun".location),
      verified = CASE WHEN ${run.verified === undefined} THEN "BackupRun".verified ELSE EXCLUDED.verified END,
      message = CASE WHEN ${run.message === undefined} THEN "BackupRun".message ELSE EXCLUDED.message END,
      "reportedByTokenId" = EXCLUDED."reportedByTokenId", "updatedAt" = now()
    WHERE NOT ("BackupRun".status <> 'running' AND EXCLUDED.status = 'running')
    RETURNING id, "policyId", "serviceId", "externalId", status::text AS status, "startedAt", "finishedAt", "sizeBytes", checksum, location, verified, message, (xmax = 0) AS inserted`;
  return rows[0];
}

export async function ingestBackupRun(
  db: Db,
  run: BackupRunInput,
  tokenId: string | null,
): Promise<{ created: boolean; run: StoredRun }> {
  const policyId = run.policyId ?? (await resolvePolicyByName(db, run)).id;
  let row = await upsertRun(db, Prisma.sql`p.id = ${policyId}`, run, tokenId);
  if (!row) {
    // Nothing written: either the policy does not exist, or a stale "running" met a finished run.
    row = (
      await db.$queryRaw<RunRow[]>`
        SELECT id, "policyId", "serviceId", "externalId", status::text AS status, "startedAt", "finishedAt", "sizeBytes", checksum, location, verified, message, false AS inserted
        FROM "BackupRun" WHERE "policyId" = ${policyId} AND "externalId" = ${run.externalId}`
    )[0];
    if (!row)
      throw new AppError("VALIDATION", { userMessage: "No backup policy has that policyId", field: "policyId" });
  }
  const { inserted, ...stored } = row;
  return {
    created: inserted,
    run: {
      ...stored,
      id: String(stored.id),
      startedAt: stored.startedAt.toISOString(),
      finishedAt: stored.finishedAt?.toISOString() ?? null,
      sizeBytes: stored.sizeBytes === null ? null : Number(stored.sizeBytes),
    },
  };
}
