-- On-call (issue 21): schedules of rotation layers and overrides, escalation levels that target a schedule,
-- per-contact notification rules, one-tap page links, calendar feed secrets.

-- CreateEnum
CREATE TYPE "ShiftUnit" AS ENUM ('hours', 'days', 'weeks');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "feedToken" TEXT;
CREATE UNIQUE INDEX "Contact_feedToken_key" ON "Contact"("feedToken");

-- AlterTable: a page that targets a schedule has no channel until it fires.
ALTER TABLE "EscalationPage" ALTER COLUMN "channelId" DROP NOT NULL,
ADD COLUMN "scheduleId" TEXT,
ADD COLUMN "message" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ContactNotificationRule" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "channelId" TEXT NOT NULL,
    "afterMinutes" INTEGER NOT NULL,
    CONSTRAINT "ContactNotificationRule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactNotificationRule_contactId_position_key" ON "ContactNotificationRule"("contactId", "position");
CREATE INDEX "ContactNotificationRule_channelId_idx" ON "ContactNotificationRule"("channelId");
ALTER TABLE "ContactNotificationRule" ADD CONSTRAINT "ContactNotificationRule_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactNotificationRule" ADD CONSTRAINT "ContactNotificationRule_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "OnCallSchedule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "feedToken" TEXT,
    "handoffsNotifiedUntil" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OnCallSchedule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OnCallSchedule_name_key" ON "OnCallSchedule"("name");
CREATE UNIQUE INDEX "OnCallSchedule_feedToken_key" ON "OnCallSchedule"("feedToken");

-- CreateTable
CREATE TABLE "ScheduleLayer" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "handoffTime" TEXT NOT NULL,
    "shiftLength" INTEGER NOT NULL,
    "shiftUnit" "ShiftUnit" NOT NULL,
    "restrictions" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "ScheduleLayer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ScheduleLayer_scheduleId_position_key" ON "ScheduleLayer"("scheduleId", "position");
ALTER TABLE "ScheduleLayer" ADD CONSTRAINT "ScheduleLayer_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ScheduleLayerMember" (
    "layerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contactId" TEXT NOT NULL,
    CONSTRAINT "ScheduleLayerMember_pkey" PRIMARY KEY ("layerId", "position")
);
CREATE INDEX "ScheduleLayerMember_contactId_idx" ON "ScheduleLayerMember"("contactId");
ALTER TABLE "ScheduleLayerMember" ADD CONSTRAINT "ScheduleLayerMember_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "ScheduleLayer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScheduleLayerMember" ADD CONSTRAINT "ScheduleLayerMember_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ScheduleOverride" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "replacesContactId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScheduleOverride_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ScheduleOverride_scheduleId_endsAt_idx" ON "ScheduleOverride"("scheduleId", "endsAt");
CREATE INDEX "ScheduleOverride_contactId_idx" ON "ScheduleOverride"("contactId");
ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_replacesContactId_fkey" FOREIGN KEY ("replacesContactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "EscalationLevelSchedule" (
    "levelId" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    CONSTRAINT "EscalationLevelSchedule_pkey" PRIMARY KEY ("levelId", "scheduleId")
);
CREATE INDEX "EscalationLevelSchedule_scheduleId_idx" ON "EscalationLevelSchedule"("scheduleId");
ALTER TABLE "EscalationLevelSchedule" ADD CONSTRAINT "EscalationLevelSchedule_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "EscalationLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EscalationLevelSchedule" ADD CONSTRAINT "EscalationLevelSchedule_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "PageLink" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PageLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PageLink_code_key" ON "PageLink"("code");
CREATE UNIQUE INDEX "PageLink_incidentId_contactId_key" ON "PageLink"("incidentId", "contactId");
CREATE INDEX "PageLink_contactId_idx" ON "PageLink"("contactId");
ALTER TABLE "PageLink" ADD CONSTRAINT "PageLink_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PageLink" ADD CONSTRAINT "PageLink_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
