-- AlterTable
ALTER TABLE "ChatSession" ADD COLUMN "visitorTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ChatSession_visitorTokenHash_key" ON "ChatSession"("visitorTokenHash");

