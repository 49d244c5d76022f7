-- Up Migration
-- DropIndex
DROP INDEX "AsapKey_kid_key";

-- DropIndex
DROP INDEX "AsapKey_addonId_idx";

-- AlterTable
ALTER TABLE "AsapAddon" ADD COLUMN     "jwksUrl" TEXT;

-- AlterTable
ALTER TABLE "AsapKey" ADD COLUMN     "algorithm" TEXT NOT NULL DEFAULT 'HS256',
ADD COLUMN     "publicKey" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'generated',
ALTER COLUMN "secretEncrypted" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AsapKey_addonId_kid_key" ON "AsapKey"("addonId", "kid");

