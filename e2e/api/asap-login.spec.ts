import type { APIResponse } from "@playwright/test";
import { expect, signInThroughApi, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { createAddon, DEMO_ADDON_ID, e2eEnv, loginEvents, signToken, type TestAddon } from "../support/desk";

// The new flow over real HTTP against the production server and its database (DESIGN §2–§3).
const LOGIN = "/desk/api/asap/v1/login";
const SITE = new URL(baseURL).origin;

async function expectRefusal(response: APIResponse, status: number, code: string) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string; hint: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.hint.length).toBeGreaterThan(0);
  // Nothing internal leaks: no stack frames, no secret of the e2e server.
  expect(text).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
  for (const secret of Object.values(e2eEnv())) expect(text).not.toContain(secret);
  expect(response.headers()["cache-control"]).toBe("no-store");
  return body.error;
}

test.describe("POST /api/asap/token (site)", () => {
  test("requires a signed-in user", async ({ request }) => {
    const response = await request.post("/api/asap/token", { headers: { "sec-fetch-site": "same-origin" } });
    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toBe("no-store");
  });

  test("refuses cross-site and Origin: null requests, even with a session", async ({ page, account }) => {
    await signInThroughApi(page, account);
    const crossSite: Array<Record<string, string>> = [{ "sec-fetch-site": "cross-site" }, { origin: "null" }, { origin: "https://evil.example" }];
    for (const headers of crossSite) {
      expect((await page.request.post("/api/asap/token", { headers })).status()).toBe(403);
    }
  });

  test("mints a short-lived token that logs the user in once, and only once", async ({ page, account }) => {
    await signInThroughApi(page, account);
    const minted = await page.request.post("/api/asap/token", { headers: { "sec-fetch-site": "same-origin" } });
    expect(minted.status()).toBe(200);
    expect(minted.headers()["cache-control"]).toBe("no-store");
    const { token, expiresAt } = (await minted.json()) as { token: string; expiresAt: number };
    expect(expiresAt - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const login = await page.request.post(LOGIN, { data: { addonId: DEMO_ADDON_ID, token }, headers: { origin: SITE } });
    expect(login.status(), await login.text()).toBe(200);
    const body = (await login.json()) as { session: { token: string; expiresAt: string }; contact: { email: string; name: string } };
    expect(body.contact).toMatchObject({ email: account.email, name: account.name });
    expect(Date.parse(body.session.expiresAt) - Date.now()).toBeGreaterThan(50 * 60_000);

    const replay = await page.request.post(LOGIN, { data: { addonId: DEMO_ADDON_ID, token }, headers: { origin: SITE } });
    await expectRefusal(replay, 401, "TOKEN_REPLAYED");
  });
});

test.describe("POST /desk/api/asap/v1/login (Desk IAM)", () => {
  let addon: TestAddon;
  test.beforeEach(async () => {
    addon = await createAddon({ origins: [SITE] });
  });

  const login = (request: import("@playwright/test").APIRequestContext, token: string, extra: Record<string, unknown> = {}, origin: string | null = SITE) =>
    request.post(LOGIN, { data: { addonId: addon.id, token, ...extra }, headers: origin === null ? {} : { origin } });

  test("a session is a bearer for /session, until logout revokes it", async ({ request }) => {
    const { session, contact } = (await (await login(request, await signToken(addon.key))).json()) as {
      session: { token: string };
      contact: { email: string };
    };
    const auth = { authorization: `Bearer ${session.token}` };
    const who = await request.get("/desk/api/asap/v1/session", { headers: auth });
    expect(await who.json()).toMatchObject({ contact: { email: contact.email } });
    expect((await request.post("/desk/api/asap/v1/logout", { headers: auth })).status()).toBe(204);
    await expectRefusal(await request.get("/desk/api/asap/v1/session", { headers: auth }), 401, "UNAUTHENTICATED");
  });

  test("checks the Origin against the add-on's allowed origins", async ({ request }) => {
    const shop = await createAddon({ origins: ["https://shop.example"] });
    const attempt = async (origin: string | null, pageOrigin?: string) =>
      request.post(LOGIN, {
        data: { addonId: shop.id, token: await signToken(shop.key), ...(pageOrigin ? { pageOrigin } : {}) },
        headers: origin === null ? {} : { origin },
      });
    // The Origin header and the body's pageOrigin reach the check; its every rule: login.int.test.ts.
    expect((await attempt("https://shop.example")).status()).toBe(200);
    await expectRefusal(await attempt("https://evil.example"), 403, "ORIGIN_NOT_ALLOWED");
    expect((await attempt(SITE, "https://shop.example")).status()).toBe(200);
    await expectRefusal(await attempt(SITE, "https://evil.example"), 403, "ORIGIN_NOT_ALLOWED");
    expect((await attempt(null)).status()).toBe(200);
  });

  test("answers a broken token with 401 and its code, and the login log keeps the request's address", async ({ request }) => {
    // Every code, and the log's order: lib/desk/iam/login.int.test.ts.
    await expectRefusal(await login(request, "not.a.jwt!"), 401, "TOKEN_MALFORMED");
    expect((await login(request, await signToken(addon.key, { email: "logged@example.com" }))).status()).toBe(200);

    const events = await loginEvents(addon.id);
    expect(events.map((e) => e.code ?? e.outcome)).toEqual(["TOKEN_MALFORMED", "success"]);
    expect(events.at(-1)).toMatchObject({ outcome: "success", email: "logged@example.com", flow: "new", origin: SITE });
    expect(events.every((e) => e.clientIp && e.clientIp !== "unknown")).toBe(true);
  });

  test("refuses bad requests, unknown add-ons and disabled modes with their codes", async ({ request }) => {
    await expectRefusal(await request.post(LOGIN, { data: "not json", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    await expectRefusal(await request.post(LOGIN, { data: { addonId: addon.id } }), 400, "VALIDATION_FAILED");
    await expectRefusal(await request.post(LOGIN, { data: { addonId: "addon_nope", token: "a.b.c" } }), 404, "ADDON_NOT_FOUND");
    const anonymous = await createAddon({ origins: [SITE], authMode: "anonymous" });
    await expectRefusal(await request.post(LOGIN, { data: { addonId: anonymous.id, token: await signToken(anonymous.key) } }), 403, "JWT_NOT_ENABLED");
  });

  test("throttles logins per add-on and client address", async ({ request }) => {
    const attempts = await Promise.all(Array.from({ length: 61 }, () => login(request, "a.b.c")));
    const statuses = attempts.map((response) => response.status());
    expect(statuses.filter((status) => status === 401)).toHaveLength(60);
    const limited = attempts.find((response) => response.status() === 429);
    expect(limited).toBeDefined();
    await expectRefusal(limited as APIResponse, 429, "RATE_LIMITED");
    expect(Number(limited?.headers()["retry-after"])).toBeGreaterThan(0);
    // Another add-on is not affected.
    const other = await createAddon({ origins: [SITE] });
    expect((await request.post(LOGIN, { data: { addonId: other.id, token: await signToken(other.key) }, headers: { origin: SITE } })).status()).toBe(200);
  });
});
