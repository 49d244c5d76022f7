import { createHash } from "node:crypto";
import { expect, signInThroughApi, test } from "./fixtures";
import { DESK_AGENT, DeskPortal } from "./pages/desk-portal";
import { baseURL } from "../playwright.config";
import { createAddon, DEMO_ADDON_ID, e2eEnv, signToken } from "./support/desk";
import { createAccount, e2eDatabase } from "./support/database";

const SITE = new URL(baseURL).origin;
const LOGIN = "/desk/api/asap/v1/login";

test.describe("Desk portal: access", () => {
  test("asks for sign-in, explains a wrong password, and keeps agents out of admin pages", async ({ page }) => {
    await page.goto("/desk/admin");
    await expect(page).toHaveURL(/\/desk\/sign-in$/);
    const portal = new DeskPortal(page);
    await portal.signIn({ email: DESK_AGENT.email, password: "wrong-password" });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password don't match a Desk agent.");
    await portal.signIn(DESK_AGENT);
    await expect(page).toHaveURL(/\/desk\/agent$/); // agents land in the console…
    await page.goto("/desk/admin");
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible(); // …and are not admins
  });
});

test.describe("Desk portal: add-ons and keys", () => {
  test("an admin creates an add-on and its key; the secret is shown once, then only its fingerprint", async ({ deskAdmin, page, request }) => {
    await page.getByLabel("Add-on name").fill("Shop help");
    await page.getByLabel("Allowed origins").fill("not a url");
    await page.getByRole("button", { name: "Create add-on" }).click();
    await expect(page.getByText("Each allowed origin must be scheme://host[:port]")).toBeVisible();

    await expect(page.getByLabel("Add-on name")).toHaveValue("Shop help"); // kept after the refusal
    await page.getByLabel("Allowed origins").fill(`${SITE}\nhttps://shop.example`);
    await page.getByRole("button", { name: "Create add-on" }).click();
    await expect(page.getByRole("heading", { name: "Shop help" })).toBeVisible();
    const addonId = page.url().split("/").at(-1) ?? "";

    await page.getByRole("button", { name: "Generate signing key" }).click();
    const key = await deskAdmin.readRevealedKey();
    expect(key.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    await expect(page.getByText("Do not base64-decode the secret", { exact: false })).toBeVisible();

    await page.reload();
    await expect(page.getByText(key.secret)).toHaveCount(0);
    const fingerprint = createHash("sha256").update(key.secret).digest("hex").slice(0, 16);
    await expect(page.getByRole("row", { name: new RegExp(`${key.kid}.*${fingerprint}.*Live`) })).toBeVisible();
    await expect(page.getByText(`Generated key ${key.kid}`)).toBeVisible(); // the audit trail

    const login = await request.post(LOGIN, { data: { addonId, token: await signToken(key) }, headers: { origin: SITE } });
    expect(login.status()).toBe(200);
    // The database alone never yields the secret.
    const row = await e2eDatabase().asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId, kid: key.kid } } });
    expect(row.secretEncrypted).not.toContain(key.secret);
  });

  test("revoking a key refuses its tokens at once", async ({ deskAdmin, page, request }) => {
    const addon = await createAddon({ origins: [SITE] });
    await deskAdmin.openAddon(addon.id);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: `Revoke ${addon.key.kid}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(`${addon.key.kid}.*Revoked`) })).toBeVisible();
    const login = await request.post(LOGIN, { data: { addonId: addon.id, token: await signToken(addon.key) }, headers: { origin: SITE } });
    expect(((await login.json()) as { error: { code: string } }).error.code).toBe("KEY_REVOKED");
  });

  test("settings are validated, saved and audited; disabling the new flow refuses its logins", async ({ deskAdmin, page, request }) => {
    const addon = await createAddon({ origins: [SITE] });
    await deskAdmin.openAddon(addon.id);
    await page.getByLabel("Clock skew tolerance (seconds)").fill("900");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Keep the skew at 5 minutes or less.")).toBeVisible();

    await page.getByLabel("Clock skew tolerance (seconds)").fill("30");
    await page.getByLabel("New flow: your app signs the JWT").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("clockSkewSeconds: 60 → 30")).toBeVisible();
    const login = await request.post(LOGIN, { data: { addonId: addon.id, token: await signToken(addon.key) }, headers: { origin: SITE } });
    expect(((await login.json()) as { error: { code: string } }).error.code).toBe("FLOW_NOT_ENABLED");
  });

  test("rotating the site's key keeps signed-in users working through the overlap", async ({ deskAdmin, page, browser, asapWidget }) => {
    // A user is signed in to the widget before the rotation…
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    const account = await createAccount("rotation");
    await signInThroughApi(userPage, account);
    const widget = asapWidget(userPage);
    await userPage.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });

    await deskAdmin.openAddon(DEMO_ADDON_ID);
    await page.getByLabel("Rotate key").selectOption(e2eEnv().ASAP_JWT_KID);
    await page.getByLabel("Old key keeps working for").selectOption("24h");
    await page.getByRole("button", { name: "Rotate", exact: true }).click();
    const newKey = await deskAdmin.readRevealedKey();
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(`${e2eEnv().ASAP_JWT_KID}.*Rotating: works until`) })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`${newKey.kid}.*Live`) })).toBeVisible();

    // …stays signed in, and the site, still signing with the old key, logs new users in.
    await userPage.goto("/account");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    const newcomer = await userContext.browser()!.newContext();
    const newcomerPage = await newcomer.newPage();
    const second = await createAccount("after-rotation");
    await signInThroughApi(newcomerPage, second);
    await newcomerPage.goto("/dashboard");
    const secondWidget = asapWidget(newcomerPage);
    await secondWidget.open();
    await secondWidget.expectSignedInAs(second.email, { name: second.name });
    await Promise.all([userContext.close(), newcomer.close()]);
  });
});

test.describe("Desk portal: login log and debugger", () => {
  test("the login log shows why a login was refused, filtered by code", async ({ deskAdmin, page, request }) => {
    const addon = await createAddon({ origins: [SITE] });
    await request.post(LOGIN, { data: { addonId: addon.id, token: await signToken({ kid: addon.key.kid, secret: "w".repeat(43) }) }, headers: { origin: SITE } });
    await request.post(LOGIN, { data: { addonId: addon.id, token: await signToken(addon.key, { email: "fine@example.com" }) }, headers: { origin: SITE } });
    await deskAdmin.openAddon(addon.id, "?code=SIGNATURE_INVALID");
    const log = deskAdmin.loginLog();
    await expect(log.getByRole("row")).toHaveCount(2); // header + the one failure
    await expect(log).toContainText("SIGNATURE_INVALID");
    await expect(log).toContainText("do not base64-decode it");
    await page.getByLabel("Error code").selectOption("");
    await page.getByLabel("Outcome").selectOption("success");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(log).toContainText("fine@example.com");
    await expect(log).not.toContainText("SIGNATURE_INVALID");
  });

  test("the debugger explains a broken token check by check, without spending or storing it", async ({ deskAdmin: _signedIn, page }) => {
    const addon = await createAddon({ origins: [SITE] });
    const seconds = Math.floor(Date.now() / 1000);
    const token = await signToken(addon.key, { not_before: seconds, not_after: seconds + 300, jti: "debugged-jti" });

    await page.goto("/desk/admin/debugger");
    await page.getByLabel("Add-on").selectOption(addon.id);
    await page.getByLabel("Token").fill(`  ${token}\n`);
    await page.getByRole("button", { name: "Explain token" }).click();
    const explanation = page.getByRole("region", { name: "Explanation" });
    await expect(explanation.getByRole("status")).toContainText("Refused: CLAIM_INVALID");
    await expect(explanation.getByRole("status")).toContainText("not_before is in seconds");
    const checks = explanation.getByRole("list", { name: "Checks" });
    await expect(checks).toContainText("signature: passed");
    await expect(checks).toContainText("claims: failed");
    await expect(explanation).toContainText('"kid": "' + addon.key.kid + '"');

    // A valid token is reported valid, and stays usable: the debugger spent no jti.
    const good = await signToken(addon.key, { jti: "still-fresh" });
    await page.getByLabel("Token").fill(good);
    await page.getByRole("button", { name: "Explain token" }).click();
    await expect(explanation.getByRole("status")).toContainText("Valid: this token would log in tester@example.com");
    expect(await e2eDatabase().usedTokenId.count({ where: { jti: { in: ["debugged-jti", "still-fresh"] } } })).toBe(0);
    expect(await e2eDatabase().loginEvent.count({ where: { addonId: addon.id } })).toBe(0); // nothing logged
  });
});
