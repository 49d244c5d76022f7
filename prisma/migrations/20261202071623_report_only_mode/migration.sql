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
    "reportOnly" BOOLEAN NOT NULL DEFAULT false,
    "widgetTitle" TEXT,
    "widgetGreeting" TEXT,
    "accentColor" TEXT NOT NULL DEFAULT '#4f46e5',
    "launcherPosition" TEXT NOT NULL DEFAULT 'bottom-right',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AsapAddon" ("accentColor", "authMode", "clockSkewSeconds", "createdAt", "id", "launcherPosition", "legacyEndpointUrl", "legacyFlowEnabled", "name", "newFlowEnabled", "requireJti", "sessionTtlSeconds", "updatedAt", "widgetGreeting", "widgetTitle") SELECT "accentColor", "authMode", "clockSkewSeconds", "createdAt", "id", "launcherPosition", "legacyEndpointUrl", "legacyFlowEnabled", "name", "newFlowEnabled", "requireJti", "sessionTtlSeconds", "updatedAt", "widgetGreeting", "widgetTitle" FROM "AsapAddon";
DROP TABLE "AsapAddon";
ALTER TABLE "new_AsapAddon" RENAME TO "AsapAddon";
CREATE TABLE "new_LoginEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "addonId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "code" TEXT,
    "detail" TEXT,
    "email" TEXT,
    "clientIp" TEXT,
    "origin" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "repeatKey" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "reportOnly" BOOLEAN NOT NULL DEFAULT false,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginEvent_addonId_fkey" FOREIGN KEY ("addonId") REFERENCES "AsapAddon" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LoginEvent" ("addonId", "clientIp", "code", "count", "createdAt", "detail", "email", "flow", "id", "lastSeenAt", "origin", "outcome", "repeatKey") SELECT "addonId", "clientIp", "code", "count", "createdAt", "detail", "email", "flow", "id", "lastSeenAt", "origin", "outcome", "repeatKey" FROM "LoginEvent";
DROP TABLE "LoginEvent";
ALTER TABLE "new_LoginEvent" RENAME TO "LoginEvent";
CREATE UNIQUE INDEX "LoginEvent_repeatKey_key" ON "LoginEvent"("repeatKey");
CREATE INDEX "LoginEvent_addonId_createdAt_idx" ON "LoginEvent"("addonId", "createdAt");
CREATE INDEX "LoginEvent_lastSeenAt_idx" ON "LoginEvent"("lastSeenAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

