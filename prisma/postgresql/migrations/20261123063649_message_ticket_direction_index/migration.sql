-- CreateIndex
CREATE INDEX "Message_ticketId_direction_createdAt_idx" ON "Message"("ticketId", "direction", "createdAt");

