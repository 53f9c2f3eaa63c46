-- CreateEnum
CREATE TYPE "BackupRunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "BackupVerification" AS ENUM ('none', 'exists', 'decompresses', 'restore_test');

-- CreateTable
CREATE TABLE "BackupPolicy" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "intervalMinutes" INTEGER,
    "cron" TEXT,
    "retentionLocalDays" INTEGER,
    "retentionRemoteDays" INTEGER,
    "locations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "method" TEXT NOT NULL DEFAULT '',
    "verification" "BackupVerification" NOT NULL DEFAULT 'none',
    "requireVerified" BOOLEAN NOT NULL DEFAULT false,
    "graceMinutes" INTEGER NOT NULL DEFAULT 30,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackupPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" BIGSERIAL NOT NULL,
    "policyId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "BackupRunStatus" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "sizeBytes" BIGINT,
    "checksum" TEXT,
    "location" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT NOT NULL DEFAULT '',
    "reportedByTokenId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackupPolicy_serviceId_name_key" ON "BackupPolicy"("serviceId", "name");

-- CreateIndex
CREATE INDEX "BackupRun_policyId_status_finishedAt_idx" ON "BackupRun"("policyId", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "BackupRun_policyId_startedAt_idx" ON "BackupRun"("policyId", "startedAt");

-- CreateIndex
CREATE INDEX "BackupRun_serviceId_startedAt_idx" ON "BackupRun"("serviceId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackupRun_policyId_externalId_key" ON "BackupRun"("policyId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_prefix_key" ON "ApiToken"("prefix");

-- AddForeignKey
ALTER TABLE "BackupPolicy" ADD CONSTRAINT "BackupPolicy_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupRun" ADD CONSTRAINT "BackupRun_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "BackupPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
