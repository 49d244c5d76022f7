import { expect, test } from "asap-playwright";

/**
 * The example app's own suite, as an integrator writes one: the Desk simulator runs beside the app
 * (see ../../playwright.config.ts), and everything about the widget and the Desk goes through the
 * asap-playwright toolkit.
 */
test.beforeEach(async ({ asapDesk }) => {
  await asapDesk.reset();
});

async function signIn(page: import("@playwright/test").Page, name: string, email: string) {
  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${name} (${email})`)).toBeVisible();
}

test("a guest browses as a guest; signing in to the app signs the widget in; signing out signs it out", async ({ page, asapWidget }) => {
  await page.goto("/");
  const widget = asapWidget();
  await widget.open();
  await widget.expectSignedOut();

  await signIn(page, "Ada Lovelace", "ada@example.com");
  await asapWidget().open();
  await asapWidget().expectSignedInAs("ada@example.com", { name: "Ada Lovelace" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await asapWidget().open();
  await asapWidget().expectSignedOut();
});

test("a ticket submitted in the widget reaches the Desk as the signed-in user's", async ({ page, asapWidget, asapDesk }) => {
  await signIn(page, "Grace Hopper", "grace@example.com");
  const widget = asapWidget();
  await widget.open();
  await widget.expectSignedInAs("grace@example.com");
  await widget.goToTab("Tickets");
  await widget.frame.getByRole("button", { name: "New ticket" }).click();
  await widget.frame.getByLabel("Subject").fill("Export fails at 90%");
  await widget.frame.getByLabel("How can we help?").fill("Since this morning.");
  await widget.frame.getByRole("button", { name: "Submit ticket" }).click();
  await expect(widget.frame.getByRole("heading", { name: /Export fails at 90%/ })).toBeVisible();

  const { tickets } = await asapDesk.tickets({ email: "grace@example.com" });
  expect(tickets).toEqual([expect.objectContaining({ subject: "Export fails at 90%", identityVerified: true, contact: expect.objectContaining({ email: "grace@example.com" }) })]);
});

test("a revoked key: the widget's login is refused with KEY_REVOKED, in the login log and on screen", async ({ page, asapWidget, asapDesk }) => {
  const [addon] = (await asapDesk.reset()).addons;
  await asapDesk.revokeKey(addon!.id, addon!.keys[0]!.kid);
  const since = new Date();
  await signIn(page, "Alan Turing", "alan@example.com");
  const widget = asapWidget();
  await widget.open();
  await widget.expectLoginRefused("KEY_REVOKED", { since });
});

test("with the Desk's clock an hour ahead, the app's fresh tokens are refused as expired", async ({ page, asapWidget, asapDesk }) => {
  await asapDesk.setClock({ offsetSeconds: 3600 });
  await signIn(page, "Ada Lovelace", "ada@example.com");
  const widget = asapWidget();
  await widget.open();
  await widget.expectLoginRefused("TOKEN_EXPIRED");
});

test("another site can neither sign a browser in nor get a token for it", async ({ request }) => {
  const crossSite = { "sec-fetch-site": "cross-site" };
  const signIn = await request.post("/sign-in", { form: { email: "mallory@example.com", name: "Mallory" }, headers: crossSite, maxRedirects: 0 });
  expect(signIn.status()).toBe(403);
  expect(signIn.headers()["set-cookie"]).toBeUndefined();
  expect((await request.post("/api/asap/token", { headers: crossSite })).status()).toBe(403);
});
