-- Up Migration
-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);


-- The one row the triggers raise (see ContentRevision in schema.prisma).
INSERT INTO "ContentRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "raise_content_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentRevision" SET "revision" = "revision" + 1;
  RETURN NULL;
END
$$;

-- What the help center shows changed: an article that is, or was, published (views and votes are
-- their own columns, left out), or any category.
CREATE TRIGGER "Article_content_inserted" AFTER INSERT ON "Article"
FOR EACH ROW WHEN (NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE TRIGGER "Article_content_updated"
AFTER UPDATE OF "slug", "title", "summary", "body", "categoryId", "publishedAt", "version", "updatedAt" ON "Article"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL OR NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE TRIGGER "Article_content_deleted" AFTER DELETE ON "Article"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL) EXECUTE FUNCTION "raise_content_revision"();

CREATE TRIGGER "Category_changed" AFTER INSERT OR UPDATE OR DELETE ON "Category"
FOR EACH ROW EXECUTE FUNCTION "raise_content_revision"();
