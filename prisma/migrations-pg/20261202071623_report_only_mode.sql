-- Up Migration
-- AlterTable
ALTER TABLE "AsapAddon" ADD COLUMN     "reportOnly" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "LoginEvent" ADD COLUMN     "reportOnly" BOOLEAN NOT NULL DEFAULT false;

