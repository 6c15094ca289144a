-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "slaNextEventAt" DATETIME;

-- CreateIndex
CREATE INDEX "Ticket_shopId_slaNextEventAt_idx" ON "Ticket"("shopId", "slaNextEventAt");

