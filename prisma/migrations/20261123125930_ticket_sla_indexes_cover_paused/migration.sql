-- DropIndex
DROP INDEX "Ticket_shopId_status_slaDueAt_id_idx";

-- DropIndex
DROP INDEX "Ticket_shopId_status_priority_slaDueAt_id_idx";

-- CreateIndex
CREATE INDEX "Ticket_shopId_status_slaDueAt_id_slaPausedAt_idx" ON "Ticket"("shopId", "status", "slaDueAt", "id", "slaPausedAt");

-- CreateIndex
CREATE INDEX "Ticket_shopId_status_priority_slaDueAt_id_slaPausedAt_idx" ON "Ticket"("shopId", "status", "priority", "slaDueAt", "id", "slaPausedAt");

