import type { Reader } from "@/lib/db/client";

/** Recent runs that need a person: failures, and successes that were not verified where verification is set up. */
export function findRunsNeedingAttention(db: Reader, days = 7, limit = 20) {
  return db.$queryRaw<
    {
      id: bigint;
      serviceId: string;
      serviceName: string;
      policyName: string;
      status: string;
      verified: boolean;
      startedAt: Date;
      message: string;
    }[]
  >`
    SELECT r.id, r."serviceId", s.name AS "serviceName", p.name AS "policyName", r.status::text AS status, r.verified, r."startedAt", r.message
    FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId" JOIN "Service" s ON s.id = r."serviceId"
    WHERE r."startedAt" >= now() - make_interval(days => ${days})
      AND (r.status = 'failed' OR (r.status = 'succeeded' AND NOT r.verified AND p.verification <> 'none'))
    ORDER BY (r.status = 'failed') DESC, r."startedAt" DESC
    LIMIT ${limit}`;
}
