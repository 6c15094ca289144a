-- CreateTable
CREATE TABLE "TicketMetric" (
    "ticketId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "agentId" TEXT,
    "firstResponseAt" TIMESTAMP(3),
    "firstResponseMinutes" DOUBLE PRECISION,
    "nextResponseMinutes" JSONB NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolutionMinutes" DOUBLE PRECISION,
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
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketMetric_pkey" PRIMARY KEY ("ticketId")
);

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_startedAt_idx" ON "TicketMetric"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "TicketMetric_shopId_computedAt_idx" ON "TicketMetric"("shopId", "computedAt");

-- AddForeignKey
ALTER TABLE "TicketMetric" ADD CONSTRAINT "TicketMetric_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

