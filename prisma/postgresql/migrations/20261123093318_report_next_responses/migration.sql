-- CreateTable
CREATE TABLE "TicketNextResponse" (
    "ticketId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "shopId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "minutes" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TicketNextResponse_pkey" PRIMARY KEY ("ticketId","position")
);

-- CreateIndex
CREATE INDEX "TicketNextResponse_shopId_minutes_startedAt_idx" ON "TicketNextResponse"("shopId", "minutes", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_firstResponseMinutes_startedAt_idx" ON "TicketMetric"("shopId", "firstResponseMinutes", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_resolutionMinutes_startedAt_idx" ON "TicketMetric"("shopId", "resolutionMinutes", "startedAt");

-- AddForeignKey
ALTER TABLE "TicketNextResponse" ADD CONSTRAINT "TicketNextResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "TicketMetric"("ticketId") ON DELETE CASCADE ON UPDATE CASCADE;

