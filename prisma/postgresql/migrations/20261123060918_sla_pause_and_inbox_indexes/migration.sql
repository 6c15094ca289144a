-- DropIndex
DROP INDEX "Ticket_shopId_status_slaDueAt_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaPausedMinutes" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Ticket_shopId_status_slaDueAt_id_idx" ON "Ticket"("shopId", "status", "slaDueAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_shopId_status_mergedIntoId_idx" ON "Ticket"("shopId", "status", "mergedIntoId");

