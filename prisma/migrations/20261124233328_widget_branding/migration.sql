-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AsapAddon" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "authMode" TEXT NOT NULL DEFAULT 'jwt',
    "newFlowEnabled" BOOLEAN NOT NULL DEFAULT true,
    "legacyFlowEnabled" BOOLEAN NOT NULL DEFAULT false,
    "legacyEndpointUrl" TEXT,
    "clockSkewSeconds" INTEGER NOT NULL DEFAULT 60,
    "sessionTtlSeconds" INTEGER NOT NULL DEFAULT 3600,
    "requireJti" BOOLEAN NOT NULL DEFAULT true,
    "widgetTitle" TEXT,
    "widgetGreeting" TEXT,
    "accentColor" TEXT NOT NULL DEFAULT '#4f46e5',
    "launcherPosition" TEXT NOT NULL DEFAULT 'bottom-right',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AsapAddon" ("authMode", "clockSkewSeconds", "createdAt", "id", "legacyEndpointUrl", "legacyFlowEnabled", "name", "newFlowEnabled", "requireJti", "sessionTtlSeconds", "updatedAt") SELECT "authMode", "clockSkewSeconds", "createdAt", "id", "legacyEndpointUrl", "legacyFlowEnabled", "name", "newFlowEnabled", "requireJti", "sessionTtlSeconds", "updatedAt" FROM "AsapAddon";
DROP TABLE "AsapAddon";
ALTER TABLE "new_AsapAddon" RENAME TO "AsapAddon";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
