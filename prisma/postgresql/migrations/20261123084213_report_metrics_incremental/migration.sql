-- AlterTable
ALTER TABLE "TicketMetric" ADD COLUMN     "customerHours" JSONB;

-- CreateIndex
CREATE INDEX "Ticket_shopId_updatedAt_idx" ON "Ticket"("shopId", "updatedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_sourceUpdatedAt_idx" ON "TicketMetric"("shopId", "sourceUpdatedAt");

