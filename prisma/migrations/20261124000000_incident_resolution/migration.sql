-- The Resolve dialog (issue 20): a resolution summary, and who leads the post-incident review by when.

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "resolutionSummary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewDueAt" TIMESTAMP(3),
ADD COLUMN     "reviewOwnerId" TEXT;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reviewOwnerId_fkey" FOREIGN KEY ("reviewOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
