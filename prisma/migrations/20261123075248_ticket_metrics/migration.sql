-- CreateTable
CREATE TABLE "TicketMetric" (
    "ticketId" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "agentId" TEXT,
    "firstResponseAt" DATETIME,
    "firstResponseMinutes" REAL,
    "nextResponseMinutes" JSONB NOT NULL,
    "resolvedAt" DATETIME,
    "resolutionMinutes" REAL,
    "customerMessages" INTEGER NOT NULL,
    "humanReplies" INTEGER NOT NULL,
    "automatedReplies" INTEGER NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "reopened" BOOLEAN NOT NULL,
    "firstContactResolution" BOOLEAN,
    "handledByAutomation" BOOLEAN NOT NULL,
    "slaApplied" BOOLEAN NOT NULL,
    "breachedFirstResponse" BOOLEAN NOT NULL,
    "breachedNextResponse" BOOLEAN NOT NULL,
    "breachedResolution" BOOLEAN NOT NULL,
    "csatScore" INTEGER,
    "sourceUpdatedAt" DATETIME NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketMetric_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_startedAt_idx" ON "TicketMetric"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_computedAt_idx" ON "TicketMetric"("shopId", "computedAt");

