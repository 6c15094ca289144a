-- AlterTable
ALTER TABLE "ContactSubmission" ADD COLUMN     "error" TEXT,
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'received';

