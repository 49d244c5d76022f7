-- Up Migration
-- CreateTable
CREATE TABLE "Deflection" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "ticketId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deflection_createdAt_idx" ON "Deflection"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deflection_key_articleId_key" ON "Deflection"("key", "articleId");

-- AddForeignKey
ALTER TABLE "Deflection" ADD CONSTRAINT "Deflection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

