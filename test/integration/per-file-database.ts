import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { databaseForFile } from "./databases";

// Runs before each integration test file is imported: a private copy of the migrated database and a
// complete, valid environment, so modules that read `env` or `db` at import time get them.
const secret = () => randomBytes(32).toString("base64url");
Object.assign(process.env, {
  DATABASE_URL: await databaseForFile(inject("templateDatabase")),
  AUTH_SECRET: secret(),
  DESK_MASTER_KEY: secret(),
  ASAP_JWT_SECRET: secret(),
  ASAP_JWT_KID: "test-key-1",
  ASAP_ADDON_ID: "addon_demo",
  DESK_BASE_URL: "http://localhost:3000",
  SITE_URL: "http://localhost:3000",
});
