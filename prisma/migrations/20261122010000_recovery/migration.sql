-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('manual', 'approval', 'http', 'healthcheck', 'wait', 'command');

-- CreateEnum
CREATE TYPE "RunState" AS ENUM ('running', 'waiting', 'paused', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "StepState" AS ENUM ('pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled');

-- CreateTable
CREATE TABLE "Runbook" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scenario" TEXT NOT NULL DEFAULT '',
    "symptoms" TEXT NOT NULL DEFAULT '',
    "detection" TEXT NOT NULL DEFAULT '',
    "estimatedMinutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Runbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookStep" (
    "id" TEXT NOT NULL,
    "runbookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "group" INTEGER,
    "title" TEXT NOT NULL,
    "kind" "StepKind" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 60,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "safeToRepeat" BOOLEAN NOT NULL DEFAULT false,
    "serviceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "RunbookStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryRun" (
    "id" TEXT NOT NULL,
    "runbookId" TEXT NOT NULL,
    "incidentId" TEXT,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "runbookVersion" INTEGER NOT NULL,
    "runbookName" TEXT NOT NULL,
    "state" "RunState" NOT NULL DEFAULT 'running',
    "startedById" TEXT,
    "startedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RecoveryRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepRun" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "group" INTEGER,
    "title" TEXT NOT NULL,
    "kind" "StepKind" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "timeoutSeconds" INTEGER NOT NULL,
    "retries" INTEGER NOT NULL,
    "safeToRepeat" BOOLEAN NOT NULL,
    "serviceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "StepState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "output" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "actedBy" TEXT,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "StepRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryMeasurement" (
    "id" BIGSERIAL NOT NULL,
    "serviceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "incidentId" TEXT,
    "drill" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "seconds" INTEGER NOT NULL,

    CONSTRAINT "RecoveryMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillSchedule" (
    "id" TEXT NOT NULL,
    "runbookId" TEXT NOT NULL,
    "everyDays" INTEGER NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DrillSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoService" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "healthy" BOOLEAN NOT NULL DEFAULT true,
    "brokenAt" TIMESTAMP(3),
    "restartAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoService_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "Runbook_systemId_name_key" ON "Runbook"("systemId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookStep_runbookId_position_key" ON "RunbookStep"("runbookId", "position");

-- CreateIndex
CREATE INDEX "RecoveryRun_state_idx" ON "RecoveryRun"("state");

-- CreateIndex
CREATE INDEX "RecoveryRun_incidentId_idx" ON "RecoveryRun"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryRun_runbookId_incidentId_key" ON "RecoveryRun"("runbookId", "incidentId");

-- CreateIndex
CREATE INDEX "StepRun_state_leaseUntil_idx" ON "StepRun"("state", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "StepRun_runId_position_key" ON "StepRun"("runId", "position");

-- CreateIndex
CREATE INDEX "RecoveryMeasurement_serviceId_verifiedAt_idx" ON "RecoveryMeasurement"("serviceId", "verifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryMeasurement_runId_serviceId_key" ON "RecoveryMeasurement"("runId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "DrillSchedule_runbookId_key" ON "DrillSchedule"("runbookId");

-- CreateIndex
CREATE INDEX "DrillSchedule_nextDueAt_idx" ON "DrillSchedule"("nextDueAt");

-- AddForeignKey
ALTER TABLE "Runbook" ADD CONSTRAINT "Runbook_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookStep" ADD CONSTRAINT "RunbookStep_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryRun" ADD CONSTRAINT "RecoveryRun_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryRun" ADD CONSTRAINT "RecoveryRun_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepRun" ADD CONSTRAINT "StepRun_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RecoveryRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryMeasurement" ADD CONSTRAINT "RecoveryMeasurement_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryMeasurement" ADD CONSTRAINT "RecoveryMeasurement_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RecoveryRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillSchedule" ADD CONSTRAINT "DrillSchedule_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
