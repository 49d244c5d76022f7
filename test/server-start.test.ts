import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildServer } from "../scripts/server/bundle";

// The server as production runs it (server.ts compiled: scripts/server/bundle.ts) refuses a bad
// configuration with one clear sentence and no stack trace, before Next.js is even loaded (so these
// runs take a second or two each).
const secret = () => randomBytes(32).toString("base64url");
const serverBundle = buildServer();
const scratch = mkdtempSync(path.join(tmpdir(), "server-start-"));

function start(databaseUrl: string) {
  const result = spawnSync(process.execPath, [serverBundle], {
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret(),
      DESK_MASTER_KEY: secret(),
      ASAP_JWT_SECRET: secret(),
      ASAP_ADDON_ID: "addon_demo",
      DESK_BASE_URL: "http://localhost:3000",
      SITE_URL: "http://localhost:3000",
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectRefusal(databaseUrl: string, sentence: RegExp) {
  const { status, output } = start(databaseUrl);
  expect(status).toBe(1);
  expect(output).toContain("The app cannot start.");
  expect(output).toMatch(sentence);
  expect(output).not.toMatch(/^\s+at\s/m); // no stack frame
  return output;
}

describe("server.ts on a bad configuration", () => {
  it("names the accepted URL schemes for a wrong one", () => {
    expectRefusal("mysql://db/asap", /DATABASE_URL must be a SQLite URL .* or a PostgreSQL URL/);
  });

  it("says a PostgreSQL server cannot be reached, without the password", () => {
    const output = expectRefusal("postgresql://app:hunter2@127.0.0.1:1/asap", /Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/asap: nothing listens/);
    expect(output).not.toContain("hunter2");
  });

  it("says a SQLite file is missing, and how to make it", () => {
    expectRefusal(`file:${path.join(scratch, "missing.db")}`, /There is no SQLite database at .*missing\.db: run `npm run setup`/);
  });

  it("says an unmigrated database needs its migrations", () => {
    const empty = path.join(scratch, "empty.db");
    writeFileSync(empty, "");
    expectRefusal(`file:${empty}`, /no tables yet: run `npm run db:migrate`/);
  });
});
