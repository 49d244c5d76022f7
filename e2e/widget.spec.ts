import { randomBytes } from "node:crypto";
import { baseURL, deskURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { DEMO_ADDON_ID, e2eEnv, signToken } from "./support/desk";
import { e2eDatabase } from "./support/database";
import { DeskPortal } from "./pages/desk-portal";

// The new flow end to end, in the browser: the site embeds the SDK from the Desk's own origin
// (another host and port), the widget frame asks the page for a JWT, and logs in with it.

test.describe("ASAP widget", () => {
  test("is on every page, served by the Desk from another origin, and guests browse anonymously", async ({ page, widget }) => {
    await page.goto("/pricing");
    await widget.open();
    await widget.expectSignedOut();
    const src = await widget.frameElement.getAttribute("src");
    expect(new URL(src ?? "").origin).toBe(deskURL);
    expect(new URL(src ?? "").origin).not.toBe(new URL(baseURL).origin);
  });

  test("signing in to the site signs the user in to the widget; signing out returns it to guest", async ({ page, widget, signInPage, account }) => {
    await signInPage.goto();
    await signInPage.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await widget.open();
    await widget.expectSignedOut();
    // The frame revokes its session on the Desk (a keepalive request that may land a moment later).
    await expect
      .poll(async () => {
        const contact = await e2eDatabase().contact.findUniqueOrThrow({ where: { email: account.email }, include: { sessions: true } });
        return contact.sessions.map((session) => session.revokedAt !== null);
      })
      .toEqual([true]);
  });

  test("keeps one session across page views instead of logging in on each", async ({ signedInPage: page, widget, account }) => {
    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    await page.goto("/account");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    const logins = await e2eDatabase().loginEvent.count({ where: { email: account.email, outcome: "success" } });
    expect(logins).toBe(1);
  });

  test("a signed-in user's new tab asks the site for the widget's token while the frame loads, and only once", async ({ signedInPage: page, widget, account }) => {
    const isTokenRoute = (url: string) => new URL(url).pathname === "/api/asap/token";
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (isTokenRoute(request.url())) tokenRequests.push(request.method());
    });
    // The frame's document is held back until the page has asked for its token: the widget signs in
    // only if the SDK asks while the frame loads, not after the frame's need-token.
    const tokenAsked = page.waitForRequest((request) => isTokenRoute(request.url()));
    await page.route(
      (url) => url.origin === deskURL && url.pathname === "/desk/widget/frame",
      async (route) => {
        await tokenAsked;
        await route.continue();
      },
    );

    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    // The frame's need-token took the token asked for early: the site signed one, not two.
    expect(tokenRequests).toEqual(["POST"]);
  });

  test("logs in again by itself when the Desk session is about to expire", async ({ signedInPage: page, widget, account }) => {
    await page.clock.install();
    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    await page.clock.fastForward("59:30"); // the session lasts an hour; the frame refreshes a minute early
    await expect
      .poll(() => e2eDatabase().loginEvent.count({ where: { email: account.email, outcome: "success" } }))
      .toBe(2);
    await widget.expectSignedInAs(account.email, { name: account.name });
  });

  test("a site signing with the wrong secret gets a clear error in the widget, the console and the portal's login log", async ({
    signedInPage: page,
    widget,
    account,
    browser,
  }) => {
    // The site misconfigured: its token route signs with a secret the Desk never issued.
    const wrongKey = { kid: e2eEnv().ASAP_JWT_KID, secret: randomBytes(32).toString("base64url") };
    await page.route("**/api/asap/token", async (route) =>
      route.fulfill({ json: { token: await signToken(wrongKey, { email: account.email }), expiresAt: Date.now() + 300_000 } }),
    );
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });

    await page.goto("/dashboard");
    await widget.open();
    await expect(widget.error).toContainText("We could not sign you in to help");
    await expect(widget.error).toContainText("Error code: SIGNATURE_INVALID");
    await expect(widget.error).toContainText("do not base64-decode");
    await widget.expectSignedOut();
    await expect.poll(() => consoleErrors.join("\n")).toContain("[ASAP] login failed: SIGNATURE_INVALID");

    // The integrator looks in the portal and sees why.
    const adminContext = await browser.newContext({ baseURL });
    const portal = new DeskPortal(await adminContext.newPage());
    await portal.signIn();
    await portal.openAddon(DEMO_ADDON_ID, "?code=SIGNATURE_INVALID");
    await expect(portal.loginLog()).toContainText("SIGNATURE_INVALID");
    await expect(portal.loginLog()).toContainText(new URL(baseURL).origin);
    await adminContext.close();
  });
});
