-- Up Migration
-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "guestTokenHash" TEXT;

-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'message';

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_guestTokenHash_key" ON "Ticket"("guestTokenHash");

