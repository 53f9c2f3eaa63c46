-- CreateEnum
CREATE TYPE "ChannelType" AS ENUM ('webhook', 'email', 'sms', 'voice');

-- CreateEnum
CREATE TYPE "IncidentEvent" AS ENUM ('detected', 'dr_activated', 'recovery_started', 'progress_update', 'recovery_complete');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('internal', 'external');

-- CreateEnum
CREATE TYPE "NotificationTiming" AS ENUM ('immediate', 'within', 'every', 'on_completion');

-- CreateEnum
CREATE TYPE "StatusPageLevel" AS ENUM ('operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "preferredChannels" "ChannelType"[] DEFAULT ARRAY[]::"ChannelType"[],
    "external" BOOLEAN NOT NULL DEFAULT false,
    "organization" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "confirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ChannelType" NOT NULL,
    "url" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "systemId" TEXT,
    "tier" INTEGER,
    "repeatTimes" INTEGER NOT NULL DEFAULT 0,
    "repeatAfterMinutes" INTEGER NOT NULL DEFAULT 30,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationLevel" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "afterMinutes" INTEGER NOT NULL,
    "roleTargets" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "EscalationLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationLevelContact" (
    "levelId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    CONSTRAINT "EscalationLevelContact_pkey" PRIMARY KEY ("levelId","contactId")
);

-- CreateTable
CREATE TABLE "EscalationLevelChannel" (
    "levelId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    CONSTRAINT "EscalationLevelChannel_pkey" PRIMARY KEY ("levelId","channelId")
);

-- CreateTable
CREATE TABLE "NotificationMatrix" (
    "id" TEXT NOT NULL,
    "systemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationMatrix_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRule" (
    "id" TEXT NOT NULL,
    "matrixId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "event" "IncidentEvent" NOT NULL,
    "audience" "Audience" NOT NULL,
    "channelId" TEXT,
    "recipients" TEXT NOT NULL DEFAULT '',
    "timing" "NotificationTiming" NOT NULL,
    "minutes" INTEGER,

    CONSTRAINT "NotificationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" BIGSERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "contactId" TEXT,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_name_idx" ON "Contact"("name");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationChannel_name_key" ON "NotificationChannel"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_name_key" ON "EscalationPolicy"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_systemId_key" ON "EscalationPolicy"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_tier_key" ON "EscalationPolicy"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationLevel_policyId_position_key" ON "EscalationLevel"("policyId", "position");

-- CreateIndex
CREATE INDEX "EscalationLevelContact_contactId_idx" ON "EscalationLevelContact"("contactId");

-- CreateIndex
CREATE INDEX "EscalationLevelChannel_channelId_idx" ON "EscalationLevelChannel"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMatrix_systemId_key" ON "NotificationMatrix"("systemId");

-- CreateIndex
CREATE INDEX "NotificationRule_channelId_idx" ON "NotificationRule"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationRule_matrixId_position_key" ON "NotificationRule"("matrixId", "position");

-- CreateIndex
CREATE INDEX "NotificationDelivery_channelId_createdAt_idx" ON "NotificationDelivery"("channelId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_createdAt_idx" ON "NotificationDelivery"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "EscalationPolicy" ADD CONSTRAINT "EscalationPolicy_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationLevel" ADD CONSTRAINT "EscalationLevel_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "EscalationPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationLevelContact" ADD CONSTRAINT "EscalationLevelContact_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "EscalationLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationLevelContact" ADD CONSTRAINT "EscalationLevelContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationLevelChannel" ADD CONSTRAINT "EscalationLevelChannel_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "EscalationLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationLevelChannel" ADD CONSTRAINT "EscalationLevelChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationMatrix" ADD CONSTRAINT "NotificationMatrix_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRule" ADD CONSTRAINT "NotificationRule_matrixId_fkey" FOREIGN KEY ("matrixId") REFERENCES "NotificationMatrix"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRule" ADD CONSTRAINT "NotificationRule_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
