-- CreateIndex
CREATE INDEX "Ticket_shopId_status_createdAt_id_idx" ON "Ticket"("shopId", "status", "createdAt", "id");

