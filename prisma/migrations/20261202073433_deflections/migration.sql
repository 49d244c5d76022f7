-- CreateTable
CREATE TABLE "Deflection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "ticketId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deflection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Deflection_createdAt_idx" ON "Deflection"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deflection_key_articleId_key" ON "Deflection"("key", "articleId");

