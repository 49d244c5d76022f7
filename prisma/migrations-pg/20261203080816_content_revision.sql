-- Up Migration
-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "epoch" TEXT NOT NULL,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);


-- The one row the triggers raise (see ContentRevision in schema.prisma).
INSERT INTO "ContentRevision" ("id", "revision", "epoch") VALUES (1, 0, md5(random()::text || clock_timestamp()::text));

CREATE FUNCTION "raise_content_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentRevision" SET "revision" = "revision" + 1;
  RETURN NULL;
END
$$;

-- What the help center shows changed: an article that is, or was, published (views and votes are
-- their own columns, left out), or any category. Deferred to the commit, so a transaction takes the
-- counter's lock last, after every row it writes: two authoring transactions cannot each hold what
-- the other waits for, and neither holds the counter longer than its commit.
CREATE CONSTRAINT TRIGGER "Article_content_inserted" AFTER INSERT ON "Article"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE CONSTRAINT TRIGGER "Article_content_updated"
AFTER UPDATE OF "slug", "title", "summary", "body", "categoryId", "publishedAt", "version", "updatedAt" ON "Article"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL OR NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE CONSTRAINT TRIGGER "Article_content_deleted" AFTER DELETE ON "Article"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE CONSTRAINT TRIGGER "Category_changed" AFTER INSERT OR UPDATE OR DELETE ON "Category"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "raise_content_revision"();
