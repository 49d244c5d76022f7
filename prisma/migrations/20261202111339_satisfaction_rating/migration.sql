-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT,
    "chatId" TEXT,
    "score" TEXT NOT NULL,
    "comment" TEXT,
    "changeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" DATETIME,
    CONSTRAINT "SatisfactionRating_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SatisfactionRating_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "ChatSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_ticketId_key" ON "SatisfactionRating"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_chatId_key" ON "SatisfactionRating"("chatId");

-- CreateIndex
CREATE INDEX "SatisfactionRating_createdAt_idx" ON "SatisfactionRating"("createdAt");

