-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContactSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "ticketId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "payload" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ContactSubmission" ("clientKey", "contentHash", "createdAt", "email", "error", "id", "payload", "shopId", "status", "ticketId") SELECT "clientKey", "contentHash", "createdAt", "email", "error", "id", "payload", "shopId", "status", "ticketId" FROM "ContactSubmission";
DROP TABLE "ContactSubmission";
ALTER TABLE "new_ContactSubmission" RENAME TO "ContactSubmission";
CREATE INDEX "ContactSubmission_shopId_clientKey_createdAt_idx" ON "ContactSubmission"("shopId", "clientKey", "createdAt");
CREATE INDEX "ContactSubmission_status_createdAt_idx" ON "ContactSubmission"("status", "createdAt");
CREATE INDEX "ContactSubmission_shopId_email_createdAt_idx" ON "ContactSubmission"("shopId", "email", "createdAt");
CREATE INDEX "ContactSubmission_shopId_contentHash_createdAt_idx" ON "ContactSubmission"("shopId", "contentHash", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

