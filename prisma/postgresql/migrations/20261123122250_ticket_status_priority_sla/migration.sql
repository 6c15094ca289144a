-- CreateIndex
CREATE INDEX "Ticket_shopId_status_priority_slaDueAt_id_idx" ON "Ticket"("shopId", "status", "priority", "slaDueAt", "id");

