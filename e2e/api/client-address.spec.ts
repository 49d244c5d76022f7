import { baseURL } from "../../playwright.config";
import { expect, signInThroughApi, test } from "../fixtures";
import { createAddon, DEMO_ADDON_ID, loginEvents } from "../support/desk";
import { fetchFrom } from "../support/from-address";

// Audit finding 3: limits key on the address the socket saw, not on what the client writes in
// X-Forwarded-For. The site process trusts no proxy (the default); the attacker connects from
// 127.0.0.2, the site's own server from 127.0.0.1.
const ATTACKER = "127.0.0.2";
const SITE = new URL(baseURL).origin;
const LOGIN = `${baseURL}/desk/api/asap/v1/login`;

const junkLogin = (addonId: string, forwardedFor: string) =>
  fetchFrom(ATTACKER, LOGIN, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor, "x-asap-client-address": forwardedFor },
    body: JSON.stringify({ addonId, token: "a.b.c" }),
  });

test.describe("the client's address", () => {
  test("a fresh X-Forwarded-For per request does not reset the login throttle", async () => {
    const addon = await createAddon({ origins: [SITE] });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await junkLogin(addon.id, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
    // Logged under the socket's address, never the one the client wrote.
    expect(new Set((await loginEvents(addon.id)).map((event) => event.clientIp))).toEqual(new Set([ATTACKER]));
  });

  test("junk logins naming the site's own address cannot starve its server-side logins", async ({ page, account }) => {
    for (let i = 0; i < 70; i++) await junkLogin(DEMO_ADDON_ID, "127.0.0.1");
    expect((await junkLogin(DEMO_ADDON_ID, "127.0.0.1")).status).toBe(429);
    // The site logs in to the Desk server to server for /help/tickets: still fine.
    await signInThroughApi(page, account);
    await page.goto("/help/tickets");
    await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
    await expect(page.getByText("could not be reached")).toHaveCount(0);
  });

  test("a fresh X-Forwarded-For per request does not reset the site's sign-in limit", async () => {
    const csrf = await fetchFrom(ATTACKER, `${baseURL}/api/auth/csrf`);
    const cookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const attempt = async (i: number) => {
      const response = await fetchFrom(ATTACKER, `${baseURL}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `203.0.113.${i}` },
        body: new URLSearchParams({ csrfToken, email: `nobody-${i}@example.com`, password: "wrong-password", callbackUrl: "/dashboard" }).toString(),
      });
      return response.headers.get("location") ?? "";
    };
    // 30 failures per address in 15 minutes; each with another account, so only the address limit can trip.
    for (let i = 0; i < 30; i++) expect(await attempt(i)).toContain("code=invalid_credentials");
    expect(await attempt(30)).toContain("code=too_many_attempts");
  });
});
