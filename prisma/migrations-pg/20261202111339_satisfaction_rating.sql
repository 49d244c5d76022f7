-- Up Migration
-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT,
    "chatId" TEXT,
    "score" TEXT NOT NULL,
    "comment" TEXT,
    "changeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" TIMESTAMP(3),

    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_ticketId_key" ON "SatisfactionRating"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_chatId_key" ON "SatisfactionRating"("chatId");

-- CreateIndex
CREATE INDEX "SatisfactionRating_createdAt_idx" ON "SatisfactionRating"("createdAt");

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "ChatSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A chat that ends is announced on asap_chat, as a new message is, so its open event streams send
-- their ended event (and the widget its rating) at once rather than at the next heartbeat.
CREATE FUNCTION "asap_notify_chat_ended"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('asap_chat', NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "ChatSession_notify_ended" AFTER UPDATE OF "status" ON "ChatSession" FOR EACH ROW
  WHEN (NEW."status" = 'ended' AND OLD."status" IS DISTINCT FROM 'ended') EXECUTE FUNCTION "asap_notify_chat_ended"();
