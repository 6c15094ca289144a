-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "severity" TEXT NOT NULL DEFAULT 'L3',
    "category" TEXT NOT NULL DEFAULT 'other',
    "channel" TEXT NOT NULL DEFAULT 'email',
    "language" TEXT,
    "snippet" TEXT NOT NULL DEFAULT '',
    "assigneeId" TEXT,
    "customerId" TEXT,
    "mergedIntoId" TEXT,
    "slaPolicyId" TEXT,
    "firstResponseDueAt" DATETIME,
    "nextResponseDueAt" DATETIME,
    "resolutionDueAt" DATETIME,
    "slaDueAt" DATETIME,
    "slaPausedAt" DATETIME,
    "slaPausedMinutes" REAL NOT NULL DEFAULT 0,
    "firstRespondedAt" DATETIME,
    "waitingSince" DATETIME,
    "lastCustomerMessageAt" DATETIME,
    "lastAgentMessageAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snoozedUntil" DATETIME,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "escalationReason" TEXT,
    "automationDisabled" BOOLEAN NOT NULL DEFAULT false,
    "unread" BOOLEAN NOT NULL DEFAULT true,
    "triageReasons" JSONB,
    "csatScore" INTEGER,
    "csatComment" TEXT,
    "csatRespondedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_slaPolicyId_fkey" FOREIGN KEY ("slaPolicyId") REFERENCES "SlaPolicy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("assigneeId", "automationDisabled", "category", "channel", "closedAt", "createdAt", "csatComment", "csatRespondedAt", "csatScore", "customerId", "escalatedAt", "escalationReason", "firstRespondedAt", "firstResponseDueAt", "id", "language", "lastActivityAt", "lastAgentMessageAt", "lastCustomerMessageAt", "mergedIntoId", "nextResponseDueAt", "number", "priority", "reopenCount", "resolutionDueAt", "resolvedAt", "severity", "shopId", "slaDueAt", "slaPausedAt", "slaPolicyId", "snippet", "snoozedUntil", "status", "subject", "triageReasons", "unread", "updatedAt", "waitingSince") SELECT "assigneeId", "automationDisabled", "category", "channel", "closedAt", "createdAt", "csatComment", "csatRespondedAt", "csatScore", "customerId", "escalatedAt", "escalationReason", "firstRespondedAt", "firstResponseDueAt", "id", "language", "lastActivityAt", "lastAgentMessageAt", "lastCustomerMessageAt", "mergedIntoId", "nextResponseDueAt", "number", "priority", "reopenCount", "resolutionDueAt", "resolvedAt", "severity", "shopId", "slaDueAt", "slaPausedAt", "slaPolicyId", "snippet", "snoozedUntil", "status", "subject", "triageReasons", "unread", "updatedAt", "waitingSince" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE INDEX "Ticket_shopId_status_slaDueAt_id_idx" ON "Ticket"("shopId", "status", "slaDueAt", "id");
CREATE INDEX "Ticket_shopId_status_mergedIntoId_idx" ON "Ticket"("shopId", "status", "mergedIntoId");
CREATE INDEX "Ticket_shopId_status_lastActivityAt_idx" ON "Ticket"("shopId", "status", "lastActivityAt");
CREATE INDEX "Ticket_shopId_status_priority_createdAt_idx" ON "Ticket"("shopId", "status", "priority", "createdAt");
CREATE INDEX "Ticket_shopId_assigneeId_status_idx" ON "Ticket"("shopId", "assigneeId", "status");
CREATE INDEX "Ticket_shopId_customerId_idx" ON "Ticket"("shopId", "customerId");
CREATE INDEX "Ticket_shopId_createdAt_idx" ON "Ticket"("shopId", "createdAt");
CREATE UNIQUE INDEX "Ticket_shopId_number_key" ON "Ticket"("shopId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

