-- Maintenance windows (issue 22): planned work on a system or on chosen services.

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "systemId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "recoveryRunId" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MaintenanceWindow_ends_after_start" CHECK ("endsAt" > "startsAt")
);
CREATE UNIQUE INDEX "MaintenanceWindow_recoveryRunId_key" ON "MaintenanceWindow"("recoveryRunId");
CREATE INDEX "MaintenanceWindow_startsAt_endsAt_idx" ON "MaintenanceWindow"("startsAt", "endsAt");
CREATE INDEX "MaintenanceWindow_systemId_endsAt_idx" ON "MaintenanceWindow"("systemId", "endsAt");
ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "MaintenanceWindowService" (
    "windowId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    CONSTRAINT "MaintenanceWindowService_pkey" PRIMARY KEY ("windowId","serviceId")
);
CREATE INDEX "MaintenanceWindowService_serviceId_idx" ON "MaintenanceWindowService"("serviceId");
ALTER TABLE "MaintenanceWindowService" ADD CONSTRAINT "MaintenanceWindowService_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "MaintenanceWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceWindowService" ADD CONSTRAINT "MaintenanceWindowService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
