import { baseURL, legacySiteURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import { createAccount, e2eDatabase } from "./support/database";
import { DEMO_ADDON_ID } from "./support/desk";

// The demo add-on moves from the legacy flow to the new one. Serial: each step builds on the last,
// and no other spec touches the demo add-on's legacy settings.
test.describe.configure({ mode: "serial" });

const LEGACY_ORIGIN = new URL(legacySiteURL).origin;

test.describe("legacy site: user tokens and the JWT endpoint", () => {
  test("a user token is issued only to a signed-in user, works once, and is refused after", async ({ playwright }) => {
    const site = await playwright.request.newContext({ baseURL: legacySiteURL });
    expect((await site.post("/api/asap/user-token", { headers: { "sec-fetch-site": "same-origin" } })).status()).toBe(401);

    const account = await createAccount("legacy-token");
    const { csrfToken } = (await (await site.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await site.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: account.password } });
    const issued = await site.post("/api/asap/user-token", { headers: { "sec-fetch-site": "same-origin" } });
    expect(issued.headers()["cache-control"]).toBe("no-store");
    const { userToken } = (await issued.json()) as { userToken: string };

    const first = await site.get(`/api/asap/legacy-jwt?user_token=${userToken}`);
    expect(first.status()).toBe(200);
    expect((await first.text()).split(".")).toHaveLength(3);
    const second = await site.get(`/api/asap/legacy-jwt?user_token=${userToken}`);
    expect(second.status()).toBe(401);
    expect(await second.json()).toMatchObject({ error: { code: "USER_TOKEN_INVALID", message: expect.stringContaining("already used") } });
    expect((await site.get("/api/asap/legacy-jwt?user_token=unknown-token-0123456789abcdef")).status()).toBe(401);
    expect((await site.get("/api/asap/legacy-jwt")).status()).toBe(400);
    await site.dispose();
  });
});

test.describe("migrating the demo add-on from the legacy flow to the new one", () => {
  test("the portal enables the legacy flow with the site's JWT endpoint", async ({ deskAdmin, page }) => {
    await deskAdmin.openAddon(DEMO_ADDON_ID);
    await page.getByLabel("Legacy flow: the Desk calls your JWT").check();
    await page.getByLabel("Legacy JWT endpoint URL").fill(`${legacySiteURL.replace("localhost", "127.0.0.1")}/api/asap/legacy-jwt`);
    const origins = page.getByLabel("Allowed origins");
    await origins.fill(`${await origins.inputValue()}\n${LEGACY_ORIGIN}`);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  });

  test("on the legacy-flow site the widget logs in through the JWT endpoint; after the switch the user keeps working", async ({
    browser,
    deskAdmin: _signedInAsAdmin,
    page: adminPage,
    asapWidget,
  }) => {
    const account = await createAccount("migrating");
    const legacyContext = await browser.newContext({ baseURL: legacySiteURL });
    const legacyPage = await legacyContext.newPage();
    await signInThroughApi(legacyPage, account);
    await legacyPage.goto("/dashboard");
    const widget = asapWidget(legacyPage);
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    const first = await e2eDatabase().loginEvent.findFirstOrThrow({ where: { email: account.email } });
    expect(first).toMatchObject({ flow: "legacy", outcome: "success", origin: LEGACY_ORIGIN });

    // The admin watches the flows, then finishes the migration.
    await adminPage.goto(`/desk/admin/addons/${DEMO_ADDON_ID}/migration`);
    const stats = adminPage.getByRole("table", { name: "Logins per flow" });
    await expect(stats.getByRole("row", { name: /Legacy flow .* Yes/ })).toBeVisible();
    await expect(adminPage.getByRole("heading", { name: "Generate a signing key (done)" })).toBeVisible();
    await adminPage.getByRole("button", { name: "Disable the legacy flow" }).click();
    await expect(adminPage.getByRole("heading", { name: "Disable the legacy flow (done)" })).toBeVisible();

    // The legacy session ends with its flow, and the site still on the legacy flow is refused, with
    // the reason in the widget…
    await legacyPage.reload();
    await widget.open();
    await expect(widget.error).toContainText("Error code: FLOW_NOT_ENABLED");
    // …as is a new legacy login…
    const fresh = await browser.newContext({ baseURL: legacySiteURL });
    const freshPage = await fresh.newPage();
    await signInThroughApi(freshPage, await createAccount("too-late"));
    await freshPage.goto("/dashboard");
    const freshWidget = asapWidget(freshPage);
    await freshWidget.open();
    await expect(freshWidget.error).toContainText("Error code: FLOW_NOT_ENABLED");

    // …and with the site switched to the new flow, the same user signs in as before.
    const newFlowContext = await browser.newContext({ baseURL });
    const newFlowPage = await newFlowContext.newPage();
    await signInThroughApi(newFlowPage, account);
    await newFlowPage.goto("/dashboard");
    const newWidget = asapWidget(newFlowPage);
    await newWidget.open();
    await newWidget.expectSignedInAs(account.email, { name: account.name });
    const flows = await e2eDatabase().loginEvent.findMany({ where: { email: account.email, outcome: "success" }, orderBy: { createdAt: "asc" } });
    expect(flows.map((e) => e.flow)).toEqual(["legacy", "new"]);
    await Promise.all([legacyContext.close(), fresh.close(), newFlowContext.close()]);
  });
});
