import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { databaseForFile } from "./databases";

// Runs before each integration test file is imported: a private copy of the migrated database and a
// complete, valid environment, so modules that read `env` or `db` at import time get them.
const attachmentsDir = mkdtempSync(path.join(tmpdir(), "asap-attachments-"));
afterAll(() => rmSync(attachmentsDir, { recursive: true, force: true }));
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
  // Each file's attachments on a disk of its own; small, so size limits are quick to test.
  ATTACHMENTS_DIR: attachmentsDir,
  ATTACHMENT_MAX_BYTES: String(256 * 1024),
});
