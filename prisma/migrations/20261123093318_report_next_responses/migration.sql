-- CreateTable
CREATE TABLE "TicketNextResponse" (
    "ticketId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "shopId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "minutes" REAL NOT NULL,

    PRIMARY KEY ("ticketId", "position"),
    CONSTRAINT "TicketNextResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "TicketMetric" ("ticketId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketNextResponse_shopId_minutes_startedAt_idx" ON "TicketNextResponse"("shopId", "minutes", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_firstResponseMinutes_startedAt_idx" ON "TicketMetric"("shopId", "firstResponseMinutes", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_resolutionMinutes_startedAt_idx" ON "TicketMetric"("shopId", "resolutionMinutes", "startedAt");

