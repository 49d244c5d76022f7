import { request as playwrightRequest } from "@playwright/test";
import { deskURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import { DEMO_ADDON_ID } from "./support/desk";
import { createAccount } from "./support/database";

// Audit finding 12: when the site session ends without a sign-out click (the cookie expired or was
// cleared, then a reload), the widget's session is revoked on the Desk, not just forgotten.
test("a silently ended site session revokes the widget's bearer on the next page view", async ({ page, widget, account }) => {
  await signInThroughApi(page, account);
  await page.goto("/dashboard");
  await widget.open();
  await widget.expectSignedInAs(account.email, { name: account.name });
  const saved = await page.evaluate((key) => sessionStorage.getItem(key), `asap-session:${DEMO_ADDON_ID}`);
  const bearer = (JSON.parse(saved ?? "null") as { session: { token: string } } | null)?.session.token;
  expect(bearer).toBeTruthy();

  const desk = await playwrightRequest.newContext({ baseURL: deskURL, extraHTTPHeaders: { authorization: `Bearer ${bearer}` } });
  expect((await desk.get("/desk/api/asap/v1/session")).status()).toBe(200);

  await page.context().clearCookies();
  await page.reload();
  await widget.open();
  await widget.expectSignedOut();
  await expect.poll(async () => (await desk.get("/desk/api/asap/v1/session")).status(), { timeout: 5_000 }).toBe(401);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), `asap-session:${DEMO_ADDON_ID}`)).toBeNull();
  await desk.dispose();
});

test("another user's site session in the same tab revokes the previous user's widget session", async ({ page, widget, account }) => {
  await signInThroughApi(page, account);
  await page.goto("/dashboard");
  await widget.open();
  await widget.expectSignedInAs(account.email, { name: account.name });
  const saved = await page.evaluate((key) => sessionStorage.getItem(key), `asap-session:${DEMO_ADDON_ID}`);
  const bearer = (JSON.parse(saved ?? "null") as { session: { token: string } }).session.token;

  // Someone else signs in on this browser without the first user signing out.
  const next = await createAccount("next");
  await page.context().clearCookies();
  await signInThroughApi(page, next);
  await page.reload();
  await widget.open();
  await widget.expectSignedInAs(next.email, { name: next.name });

  const desk = await playwrightRequest.newContext({ baseURL: deskURL, extraHTTPHeaders: { authorization: `Bearer ${bearer}` } });
  await expect.poll(async () => (await desk.get("/desk/api/asap/v1/session")).status(), { timeout: 5_000 }).toBe(401);
  await desk.dispose();
});
