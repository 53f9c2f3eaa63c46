-- Gaps between consecutive good backups of a service, for RPO compliance over time (seconds out of RPO in
-- the last 30/90 days, violations per week). Reading only the gaps longer than a service's RPO replaces a
-- window function over every backup of the period. Maintained here, by triggers, so that every writer (the
-- ingestion API, seeds, bulk loads) keeps it right without having to remember to.

-- CreateTable
CREATE TABLE "BackupGap" (
    "runId" BIGINT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "fromAt" TIMESTAMP(3),
    "toAt" TIMESTAMP(3) NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "BackupGap_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "BackupGap_serviceId_seconds_idx" ON "BackupGap"("serviceId", "seconds");

-- CreateIndex
CREATE INDEX "BackupGap_serviceId_toAt_idx" ON "BackupGap"("serviceId", "toAt");

-- AddForeignKey
ALTER TABLE "BackupGap" ADD CONSTRAINT "BackupGap_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackupRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recomputes one service's gaps that end at or after `since` (rows before it cannot change). A good backup:
-- succeeded, finished, and verified when its policy requires it. The first good backup ever has no "fromAt"
-- and an infinite gap. Serialised per service, so two reports at once cannot each miss the other's run: the
-- lock is held to commit, and in READ COMMITTED each statement below sees what committed before it.
CREATE FUNCTION backup_gaps_refresh(service TEXT, since TIMESTAMP(3)) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous TIMESTAMP(3);
BEGIN
  PERFORM pg_advisory_xact_lock(4242010, hashtext(service));
  DELETE FROM "BackupGap" WHERE "serviceId" = service AND "toAt" >= since;
  SELECT max("toAt") INTO previous FROM "BackupGap" WHERE "serviceId" = service;
  INSERT INTO "BackupGap" ("runId", "serviceId", "fromAt", "toAt", seconds)
  SELECT g.id, service, g.prev, g.at, COALESCE(EXTRACT(EPOCH FROM g.at - g.prev)::float8, 'Infinity')
  FROM (
    SELECT r.id, r."finishedAt" AS at, COALESCE(lag(r."finishedAt") OVER (ORDER BY r."finishedAt", r.id), previous) AS prev
    FROM "BackupRun" r JOIN "BackupPolicy" p ON p.id = r."policyId"
    WHERE p."serviceId" = service AND r.status = 'succeeded' AND r."finishedAt" >= since AND (r.verified OR NOT p."requireVerified")
  ) g;
END $$;

-- After any statement on BackupRun: refresh each touched service from the earliest finish time it touched
-- (old or new: a run can leave the good set as well as join it). Services in id order, so bulk statements
-- take their locks in one order.
CREATE FUNCTION backup_gaps_after_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM backup_gaps_refresh(c."serviceId", c.since)
    FROM (SELECT "serviceId", min("finishedAt") AS since FROM new_runs GROUP BY 1 ORDER BY 1) c WHERE c.since IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM backup_gaps_refresh(c."serviceId", c.since)
    FROM (SELECT "serviceId", min("finishedAt") AS since FROM (SELECT "serviceId", "finishedAt" FROM old_runs UNION ALL SELECT "serviceId", "finishedAt" FROM new_runs) t GROUP BY 1 ORDER BY 1) c
    WHERE c.since IS NOT NULL;
  ELSE
    PERFORM backup_gaps_refresh(c."serviceId", c.since)
    FROM (SELECT "serviceId", min("finishedAt") AS since FROM old_runs GROUP BY 1 ORDER BY 1) c WHERE c.since IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "BackupRun_gaps_insert" AFTER INSERT ON "BackupRun" REFERENCING NEW TABLE AS new_runs
  FOR EACH STATEMENT EXECUTE FUNCTION backup_gaps_after_runs();
CREATE TRIGGER "BackupRun_gaps_update" AFTER UPDATE ON "BackupRun" REFERENCING OLD TABLE AS old_runs NEW TABLE AS new_runs
  FOR EACH STATEMENT EXECUTE FUNCTION backup_gaps_after_runs();
CREATE TRIGGER "BackupRun_gaps_delete" AFTER DELETE ON "BackupRun" REFERENCING OLD TABLE AS old_runs
  FOR EACH STATEMENT EXECUTE FUNCTION backup_gaps_after_runs();

-- Requiring verification (or no longer) changes which runs are good: rebuild that service's gaps.
CREATE FUNCTION backup_gaps_after_policy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM backup_gaps_refresh(NEW."serviceId", '-infinity');
  RETURN NULL;
END $$;

CREATE TRIGGER "BackupPolicy_gaps_verified" AFTER UPDATE OF "requireVerified" ON "BackupPolicy"
  FOR EACH ROW WHEN (OLD."requireVerified" IS DISTINCT FROM NEW."requireVerified") EXECUTE FUNCTION backup_gaps_after_policy();

-- The runs stored before this migration.
SELECT backup_gaps_refresh(s."serviceId", '-infinity') FROM (SELECT DISTINCT "serviceId" FROM "BackupRun" ORDER BY 1) s;
