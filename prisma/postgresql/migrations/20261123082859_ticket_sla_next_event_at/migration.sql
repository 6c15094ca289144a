-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaNextEventAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Ticket_shopId_slaNextEventAt_idx" ON "Ticket"("shopId", "slaNextEventAt");

