import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { mintAsapToken } from "asap-playwright";
import { deskURL } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { e2eEnv } from "../support/desk";

// The test-control API (docs/test-control-api.md) over real HTTP: on the e2e stack's cross-origin
// Desk, then on a Desk started by `npm run desk:simulator`, the one command an integrator runs. Its
// rules are tested below HTTP in lib/desk/test-control/*.int.test.ts.
const CONTROL = "/desk/api/test-control/v1";
const LOGIN = "/desk/api/asap/v1/login";

type Key = { kid: string; secret: string };
const newKey = (): Key => ({ kid: `e2e-${randomUUID().slice(0, 8)}`, secret: randomBytes(32).toString("base64url") });

async function expectError(response: APIResponse, status: number, code: string) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(text).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
  const { error } = JSON.parse(text) as { error: { code: string; message: string; hint: string } };
  expect(error.code).toBe(code);
  return error;
}

/** A control client for one Desk: every call with the bearer, JSON in and out. */
function control(request: APIRequestContext, base: string, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (route: string) => request.get(`${base}${CONTROL}/${route}`, { headers }),
    post: (route: string, data: unknown = {}) => request.post(`${base}${CONTROL}/${route}`, { headers, data }),
    put: (route: string, data: unknown) => request.put(`${base}${CONTROL}/${route}`, { headers, data }),
  };
}

const login = (request: APIRequestContext, base: string, addonId: string, token: string) => request.post(`${base}${LOGIN}`, { data: { addonId, token } });

test.describe("the test-control API on the e2e stack's Desk", () => {
  const desk = (request: APIRequestContext) => {
    const token = e2eEnv().DESK_TEST_CONTROL_TOKEN;
    if (!token) throw new Error("scripts/e2e-server.ts wrote no DESK_TEST_CONTROL_TOKEN");
    return control(request, deskURL, token);
  };

  test("refuses a call without the bearer, or with another, as TEST_CONTROL_UNAUTHORIZED", async ({ request }) => {
    await expectError(await request.get(`${deskURL}${CONTROL}/clock`), 401, "TEST_CONTROL_UNAUTHORIZED");
    const wrong = control(request, deskURL, "w".repeat(43));
    await expectError(await wrong.get("clock"), 401, "TEST_CONTROL_UNAUTHORIZED");
    await expectError(await wrong.post("addons", { origins: [] }), 401, "TEST_CONTROL_UNAUTHORIZED");
  });

  test("names the bad field with VALIDATION_FAILED, and refuses a body that is not JSON with 415", async ({ request }) => {
    const error = await expectError(await desk(request).post("addons", { origins: ["http://localhost:3000/path"] }), 400, "VALIDATION_FAILED");
    expect(error.message).toContain('"origins.0"');
    expect((await expectError(await desk(request).post("addons", { origins: [], colour: "red" }), 400, "VALIDATION_FAILED")).message).toContain("colour");
    expect((await expectError(await desk(request).put("clock", { offsetSeconds: 31 * 86_400 }), 400, "VALIDATION_FAILED")).message).toContain('"offsetSeconds"');
    const notJson = await request.post(`${deskURL}${CONTROL}/addons`, {
      headers: { authorization: `Bearer ${e2eEnv().DESK_TEST_CONTROL_TOKEN}`, "content-type": "text/plain" },
      data: JSON.stringify({ origins: [] }),
    });
    await expectError(notJson, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect((await expectError(await desk(request).post("addons/not%20an%20id/keys", {}), 400, "VALIDATION_FAILED")).message).toContain('"addonId"');
  });

  test("provisions an add-on whose known key logs in; after a revoke the login is KEY_REVOKED, and the login log shows both", async ({ request }) => {
    const key = newKey();
    const created = await desk(request).post("addons", { origins: ["http://localhost:3000"], key });
    expect(created.status(), await created.text()).toBe(201);
    const { addon } = (await created.json()) as { addon: { id: string; origins: string[] } };
    expect(addon.origins).toEqual(["http://localhost:3000"]);

    const email = `${randomUUID().slice(0, 8)}@example.com`;
    const accepted = await login(request, deskURL, addon.id, await mintAsapToken({ email }, key));
    expect(accepted.status(), await accepted.text()).toBe(200);

    expect((await desk(request).post(`addons/${addon.id}/keys/${key.kid}/revoke`)).status()).toBe(200);
    await expectError(await login(request, deskURL, addon.id, await mintAsapToken({ email }, key)), 401, "KEY_REVOKED");

    const events = (await (await desk(request).get(`addons/${addon.id}/login-events`)).json()) as { events: Array<{ outcome: string; code: string | null; email: string | null }> };
    expect(events.events.map((event) => [event.outcome, event.code])).toEqual([
      ["failure", "KEY_REVOKED"],
      ["success", null],
    ]);
    expect(events.events[1]?.email).toBe(email);
    const refused = (await (await desk(request).get(`addons/${addon.id}/login-events?code=KEY_REVOKED`)).json()) as { events: unknown[] };
    expect(refused.events).toHaveLength(1);
  });

  test("explains a token without spending it, and answers ADDON_NOT_FOUND and KEY_NOT_FOUND as 404", async ({ request }) => {
    const key = newKey();
    const { addon } = (await (await desk(request).post("addons", { origins: [], key })).json()) as { addon: { id: string } };
    const token = await mintAsapToken({}, key);
    const explained = await desk(request).post("explain", { addonId: addon.id, token });
    expect(explained.status()).toBe(200);
    expect(((await explained.json()) as { explanation: { outcome: unknown } }).explanation.outcome).toMatchObject({ ok: true });
    expect((await login(request, deskURL, addon.id, token)).status()).toBe(200);

    await expectError(await desk(request).post("addons/addon_nobody/keys", {}), 404, "ADDON_NOT_FOUND");
    await expectError(await desk(request).post(`addons/${addon.id}/keys/no-such-kid/revoke`), 404, "KEY_NOT_FOUND");
  });

  test("refuses to reset a Desk started without a simulator configuration, so a shared Desk keeps its data", async ({ request }) => {
    await expectError(await desk(request).post("reset"), 409, "SIMULATOR_NOT_CONFIGURED");
  });
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(base: string, simulator: ChildProcess, output: () => string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (simulator.exitCode !== null) throw new Error(`the simulator exited (${simulator.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok && output().includes("Desk simulator ready")) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the simulator did not start:\n${output()}`);
}

test.describe("npm run desk:simulator", () => {
  // Migrating, seeding and starting a production server of its own, on the build the e2e server made.
  test.setTimeout(180_000);

  test("starts the Desk with the configured add-ons, serves the control API, moves the IAM's clock, and stops on SIGTERM", async ({ request }) => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const key = newKey();
    const dir = mkdtempSync(path.join(tmpdir(), "desk-simulator-e2e-"));
    const config = path.join(dir, "desk-simulator.json");
    writeFileSync(config, JSON.stringify({ addons: [{ id: "addon_e2e", origins: ["http://localhost:3000"], keys: [key] }, { id: "addon_gen", origins: [], keys: [{ kid: `gen-${key.kid}` }] }] }));
    const token = randomBytes(32).toString("base64url");

    let output = "";
    // The command's own process (as `npm run desk:simulator` runs it, without npm in between), so the
    // signal reaches its handler: it must stop the server it started, and exit 0.
    const simulator = spawn(process.execPath, ["--import", "tsx", "scripts/desk-simulator/main.ts", "--port", String(port), "--config", config], {
      env: { ...process.env, NEXT_DIST_DIR: ".next-e2e", DESK_TEST_CONTROL_TOKEN: token, DESK_SIMULATOR_CONFIG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [simulator.stdout, simulator.stderr]) stream?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => simulator.on("exit", (code) => resolve(code)));
    try {
      await waitForHealth(base, simulator, () => output);
      // What it says: where, the add-ons, the generated secret only; never a secret it was given.
      expect(output).toContain(`Desk simulator ready on ${base}`);
      expect(output).toMatch(/addon_e2e +jwt +origins: http:\/\/localhost:3000 +keys: e2e-/);
      expect(output).toMatch(new RegExp(`gen-${key.kid} \\(generated secret: [A-Za-z0-9_-]{43}\\)`));
      expect(output).not.toContain(key.secret);
      expect(output).not.toContain(token);

      const desk = control(request, base, token);
      const reset = await desk.post("reset");
      expect(reset.status(), await reset.text()).toBe(200);
      expect(((await reset.json()) as { addons: Array<{ id: string }> }).addons.map((addon) => addon.id)).toEqual(["addon_e2e", "addon_gen"]);

      // The configured key logs in, with no portal click; an hour ahead the same token has expired.
      expect((await login(request, base, "addon_e2e", await mintAsapToken({}, key))).status()).toBe(200);
      const ahead = await desk.put("clock", { offsetSeconds: 3600 });
      expect(((await ahead.json()) as { offsetSeconds: number }).offsetSeconds).toBe(3600);
      await expectError(await login(request, base, "addon_e2e", await mintAsapToken({}, key)), 401, "TOKEN_EXPIRED");
      const expired = (await (await desk.get("addons/addon_e2e/login-events?code=TOKEN_EXPIRED")).json()) as { events: unknown[] };
      expect(expired.events).toHaveLength(1);

      // Reset: the clock is back at 0, the log is empty, the key logs in again.
      await desk.post("reset");
      expect(((await (await desk.get("clock")).json()) as { offsetSeconds: number }).offsetSeconds).toBe(0);
      expect(((await (await desk.get("addons/addon_e2e/login-events")).json()) as { events: unknown[] }).events).toEqual([]);
      expect((await login(request, base, "addon_e2e", await mintAsapToken({}, key))).status()).toBe(200);
    } finally {
      if (simulator.exitCode === null) simulator.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });
});
