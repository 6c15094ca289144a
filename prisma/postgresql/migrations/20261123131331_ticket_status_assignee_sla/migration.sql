-- CreateIndex
CREATE INDEX "Ticket_shopId_status_assigneeId_slaDueAt_id_idx" ON "Ticket"("shopId", "status", "assigneeId", "slaDueAt", "id");

