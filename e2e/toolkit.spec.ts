import { asapDesk as controlClient, expect, mintAsapToken, test, type AsapDesk, type CreateAddonInput } from "asap-playwright";
import { deskURL } from "../playwright.config";
import { uniqueEmail } from "./support/database";
import { e2eEnv } from "./support/desk";
import { CUSTOMER_NAME, Shop } from "./support/shop";

// The integrators' toolkit (packages/asap-playwright) used as an integrator uses it: against the e2e
// stack's cross-origin Desk, through its control API, on a shop of their own that embeds the SDK.
// The shop (./support/shop.ts) signs tokens with its add-on's key for whoever its URL says is signed in.

test.use({ asapDeskUrl: deskURL, asapControlToken: async ({}, use) => use(e2eEnv().DESK_TEST_CONTROL_TOKEN) });

const shop = new Shop();
test.beforeAll(() => shop.start());
test.afterAll(() => shop.stop());

/** A fresh add-on allowed on the shop, whose key the shop signs with. */
const shopAddon = (desk: AsapDesk, settings: Omit<CreateAddonInput, "origins"> = {}, minting: { validityMs?: number } = {}) => shop.addon(desk, settings, minting);
const shopUrl = (addonId: string, user: string | null) => shop.url(addonId, user);

test.describe("asap-playwright on an integrator's page", () => {
  test("the shop's signed-in customer is signed in to the widget, and a guest once the shop signs them out", async ({ page, asapDesk, asapWidget }) => {
    const { addon } = await shopAddon(asapDesk);
    const email = uniqueEmail("shopper");
    await page.goto(shopUrl(addon.id, email));
    const widget = asapWidget();
    await widget.open();
    await widget.expectSignedInAs(email, { name: CUSTOMER_NAME });
    expect(await widget.state()).toMatchObject({ open: true, signedIn: { name: CUSTOMER_NAME, email }, error: null, tab: "Home" });
    await widget.goToTab("Articles");
    await widget.close();
    expect(await widget.state()).toMatchObject({ open: false, tab: "Articles" });
    expect((await asapDesk.loginEvents(addon.id)).events).toMatchObject([{ outcome: "success", flow: "new", email, code: null }]);

    await page.goto(shopUrl(addon.id, null));
    await widget.expectSignedOut();
  });

  test("a key revoked through the control API: the customer stays a guest, refused with KEY_REVOKED", async ({ page, asapDesk, asapWidget }) => {
    const { addon, key } = await shopAddon(asapDesk);
    await asapDesk.revokeKey(addon.id, key.kid);
    await page.goto(shopUrl(addon.id, uniqueEmail("revoked")));
    const widget = asapWidget();
    await widget.expectLoginRefused("KEY_REVOKED");
    await widget.expectSignedOut();
  });

  test("an add-on made in report-only mode: the refused customer stays a guest without an error, the refusal logged", async ({ page, asapDesk, asapWidget }) => {
    const { addon, key } = await shopAddon(asapDesk, { reportOnly: true });
    await asapDesk.revokeKey(addon.id, key.kid);
    await page.goto(shopUrl(addon.id, uniqueEmail("staged")));
    const widget = asapWidget();
    await widget.expectLoginRefused("KEY_REVOKED", { inWidget: false });
    await widget.expectSignedOut();
    expect(await widget.state()).toMatchObject({ signedIn: null, error: null });
  });

  test("with the Desk's clock moved past the token's window, the login is refused with TOKEN_EXPIRED", async ({ page, asapDesk, asapWidget }) => {
    // Tokens good for 10 s, no skew. The clock is the whole Desk process's: a step of 30 s, undone at
    // once, is one that other specs' tokens (5 minutes, with 60 s of skew) never notice.
    const { addon } = await shopAddon(asapDesk, { clockSkewSeconds: 0 }, { validityMs: 10_000 });
    await asapDesk.setClock({ offsetSeconds: 30 });
    try {
      expect((await asapDesk.getClock()).offsetSeconds).toBe(30);
      await page.goto(shopUrl(addon.id, uniqueEmail("late")));
      await asapWidget().expectLoginRefused("TOKEN_EXPIRED");
    } finally {
      await asapDesk.setClock({ offsetSeconds: 0 });
    }
  });

  test("a ticket the customer submits in the widget is on the Desk as theirs, identity verified", async ({ page, asapDesk, asapWidget }) => {
    const { addon } = await shopAddon(asapDesk);
    const email = uniqueEmail("ticket");
    await page.goto(shopUrl(addon.id, email));
    const widget = asapWidget();
    await widget.expectSignedInAs(email);
    await widget.goToTab("Tickets");
    await widget.frame.getByRole("button", { name: "New ticket" }).click();
    await widget.frame.getByLabel("Subject").fill("Where is my order?");
    await widget.frame.getByLabel("How can we help?").fill("It left the warehouse a week ago.");
    await widget.frame.getByRole("button", { name: "Submit ticket" }).click();
    await expect(widget.frame.getByRole("heading", { name: /#\d+ Where is my order\?/ })).toBeVisible();

    const { tickets } = await asapDesk.tickets({ email });
    expect(tickets).toMatchObject([{ subject: "Where is my order?", identityVerified: true, contact: { email, name: CUSTOMER_NAME } }]);
  });
});

test.describe("asap-playwright's control client", () => {
  test("explain reports a minted token's checks without logging or spending it", async ({ asapDesk }) => {
    const { addon, key } = await shopAddon(asapDesk);
    const seconds = Math.floor(Date.now() / 1000);
    const inSeconds = await mintAsapToken({ not_before: seconds, not_after: seconds + 300 }, key);
    expect((await asapDesk.explain({ addonId: addon.id, token: inSeconds })).explanation.outcome).toMatchObject({ ok: false, code: "CLAIM_INVALID" });
    const good = await mintAsapToken({ email: "fine@example.com" }, key);
    const { explanation } = await asapDesk.explain({ addonId: addon.id, token: good });
    expect(explanation.outcome).toEqual({ ok: true, email: "fine@example.com" });
    expect(explanation.checks.every((check) => check.passed)).toBe(true);
    expect((await asapDesk.loginEvents(addon.id)).events).toEqual([]);
  });

  test("the Desk's refusals are AsapDeskErrors carrying its status and code", async ({ asapDesk }) => {
    await expect(asapDesk.addKey("addon_nobody_has")).rejects.toMatchObject({ name: "AsapDeskError", status: 404, code: "ADDON_NOT_FOUND" });
    const intruder = controlClient({ url: deskURL, token: "not-the-control-token-but-long-enough-anyway" });
    await expect(intruder.getClock()).rejects.toMatchObject({ name: "AsapDeskError", status: 401, code: "TEST_CONTROL_UNAUTHORIZED" });
  });
});
