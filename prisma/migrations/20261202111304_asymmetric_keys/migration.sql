-- AlterTable
ALTER TABLE "AsapAddon" ADD COLUMN "jwksUrl" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AsapKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "addonId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL DEFAULT 'HS256',
    "source" TEXT NOT NULL DEFAULT 'generated',
    "secretEncrypted" TEXT,
    "publicKey" TEXT,
    "fingerprint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AsapKey_addonId_fkey" FOREIGN KEY ("addonId") REFERENCES "AsapAddon" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AsapKey" ("addonId", "createdAt", "expiresAt", "fingerprint", "id", "kid", "revokedAt", "secretEncrypted") SELECT "addonId", "createdAt", "expiresAt", "fingerprint", "id", "kid", "revokedAt", "secretEncrypted" FROM "AsapKey";
DROP TABLE "AsapKey";
ALTER TABLE "new_AsapKey" RENAME TO "AsapKey";
CREATE UNIQUE INDEX "AsapKey_addonId_kid_key" ON "AsapKey"("addonId", "kid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

