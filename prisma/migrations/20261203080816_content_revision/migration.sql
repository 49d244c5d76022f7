-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "epoch" TEXT NOT NULL
);


-- The one row the triggers raise (see ContentRevision in schema.prisma).
INSERT INTO "ContentRevision" ("id", "revision", "epoch") VALUES (1, 0, lower(hex(randomblob(16))));

-- What the help center shows changed: an article that is, or was, published (views and votes are
-- their own columns, left out), or any category.
CREATE TRIGGER "Article_content_inserted" AFTER INSERT ON "Article"
WHEN NEW."publishedAt" IS NOT NULL
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;

CREATE TRIGGER "Article_content_updated"
AFTER UPDATE OF "slug", "title", "summary", "body", "categoryId", "publishedAt", "version", "updatedAt" ON "Article"
WHEN OLD."publishedAt" IS NOT NULL OR NEW."publishedAt" IS NOT NULL
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;

CREATE TRIGGER "Article_content_deleted" AFTER DELETE ON "Article"
WHEN OLD."publishedAt" IS NOT NULL
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;

CREATE TRIGGER "Category_inserted" AFTER INSERT ON "Category"
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;

CREATE TRIGGER "Category_updated" AFTER UPDATE ON "Category"
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;

CREATE TRIGGER "Category_deleted" AFTER DELETE ON "Category"
BEGIN UPDATE "ContentRevision" SET "revision" = "revision" + 1; END;
