-- Up Migration
-- AlterTable
ALTER TABLE "AsapAddon" ADD COLUMN     "accentColor" TEXT NOT NULL DEFAULT '#4f46e5',
ADD COLUMN     "launcherPosition" TEXT NOT NULL DEFAULT 'bottom-right',
ADD COLUMN     "widgetGreeting" TEXT,
ADD COLUMN     "widgetTitle" TEXT;

