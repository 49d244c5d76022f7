-- Up Migration
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "publishedAt" DROP NOT NULL;

