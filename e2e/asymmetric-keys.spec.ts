import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { deskURL } from "../playwright.config";
import { mintAsapToken } from "asap-playwright";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/database";
import { e2eEnv } from "./support/desk";
import { Shop } from "./support/shop";

// A shop that shares no secret with the Desk: it signs with a private key, and the Desk holds the
// public half, pasted into the portal or read from the shop's JWKS URL. The key's type fixes the
// algorithm, so a token that claims another is refused with its code.

test.use({ asapDeskUrl: deskURL, asapControlToken: async ({}, use) => use(e2eEnv().DESK_TEST_CONTROL_TOKEN) });

const shop = new Shop();
test.beforeAll(() => shop.start());
test.afterAll(() => shop.stop());

const es256 = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed25519 = () => generateKeyPairSync("ed25519");
const publicPem = (key: KeyObject) => key.export({ type: "spki", format: "pem" }).toString();

const contexts: BrowserContext[] = [];
test.afterEach(() => Promise.all(contexts.splice(0).map((context) => context.close())));

/** Each customer in a browser of their own: the widget keeps a signed-in person's session. */
async function customerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function uploadPublicKey(page: Page, pem: string): Promise<string> {
  await page.getByLabel("Public key (PEM or JWK)", { exact: true }).fill(pem);
  await page.getByRole("button", { name: "Add public key" }).click();
  const added = page.getByRole("status", { name: "Public key added" });
  await expect(added).toBeVisible();
  return (await added.getByTestId("uploaded-kid").textContent()) ?? "";
}

test("an ES256 key uploaded in the portal signs the shop's customers in; a token under another algorithm is refused", async ({
  deskAdmin,
  page,
  browser,
  asapDesk,
  asapWidget,
}) => {
  const { addon } = await shop.addon(asapDesk);
  const pair = es256();
  await deskAdmin.openAddon(addon.id);
  const kid = await uploadPublicKey(page, publicPem(pair.publicKey));
  await expect(page.getByRole("row", { name: new RegExp(`${kid}\\s+ES256\\s+Uploaded public key`) })).toBeVisible();

  shop.signWith(addon.id, { kid, privateKey: pair.privateKey });
  const customer = await customerPage(browser);
  const email = uniqueEmail("es256");
  await customer.goto(shop.url(addon.id, email));
  await asapWidget(customer).expectSignedInAs(email);

  // The debugger explains an ES256 token with the uploaded key.
  await page.goto("/desk/admin/debugger");
  await page.getByLabel("Add-on").selectOption(addon.id);
  await page.getByLabel("Token").fill(await mintAsapToken({ email: "debug@example.com", aud: addon.id }, { kid, privateKey: pair.privateKey }));
  await page.getByRole("button", { name: "Explain token" }).click();
  const explanation = page.getByRole("region", { name: "Explanation" });
  await expect(explanation.getByRole("status")).toContainText("Valid: this token would log in debug@example.com");
  await expect(explanation.getByRole("list", { name: "Checks" })).toContainText(`ES256 signature matches key ${kid}`);

  // The confusion attack: an HMAC keyed with the public key's own PEM, under the ES256 key's kid.
  shop.signWith(addon.id, { kid, secret: publicPem(pair.publicKey) });
  const since = new Date();
  const attacker = await customerPage(browser);
  await attacker.goto(shop.url(addon.id, uniqueEmail("confused")));
  await asapWidget(attacker).expectLoginRefused("ALG_NOT_ALLOWED", { since });
  await deskAdmin.openAddon(addon.id);
  await expect(deskAdmin.loginLog()).toContainText(`The key "${kid}" is an ES256 public key, but the token is signed with HS256.`);
  await expect(deskAdmin.loginLog()).toContainText(`Signed with the ES256 key ${kid}`);
});

test("rotating an uploaded key to an EdDSA key: both sign in during the overlap, then the old one is revoked", async ({
  deskAdmin,
  page,
  browser,
  asapDesk,
  asapWidget,
}) => {
  const { addon } = await shop.addon(asapDesk);
  const oldPair = es256();
  await deskAdmin.openAddon(addon.id);
  const oldKid = await uploadPublicKey(page, publicPem(oldPair.publicKey));

  const nextPair = ed25519();
  await page.getByLabel("Rotate key").selectOption(oldKid);
  await page.getByLabel("Rotate to this public key (PEM or JWK)").fill(publicPem(nextPair.publicKey));
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  const added = page.getByRole("status", { name: "Rotated to a public key" });
  await expect(added).toContainText("EdDSA");
  const nextKid = (await added.getByTestId("uploaded-kid").textContent()) ?? "";
  await expect(page.getByRole("row", { name: new RegExp(`${oldKid}.*Rotating: works until`) })).toBeVisible();

  for (const [kid, privateKey] of [[oldKid, oldPair.privateKey], [nextKid, nextPair.privateKey]] as const) {
    shop.signWith(addon.id, { kid, privateKey });
    const email = uniqueEmail("rotation");
    const customer = await customerPage(browser);
    await customer.goto(shop.url(addon.id, email));
    await asapWidget(customer).expectSignedInAs(email);
  }

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Revoke ${oldKid}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(`${oldKid}.*Revoked`) })).toBeVisible();
  shop.signWith(addon.id, { kid: oldKid, privateKey: oldPair.privateKey });
  const since = new Date();
  const late = await customerPage(browser);
  await late.goto(shop.url(addon.id, uniqueEmail("revoked")));
  await asapWidget(late).expectLoginRefused("KEY_REVOKED", { since });
});

test("keys read from the shop's JWKS URL sign customers in; a key the JWKS drops is refused", async ({ deskAdmin, page, browser, asapDesk, asapWidget }) => {
  const { addon } = await shop.addon(asapDesk);
  const first = { kid: "shop-es-1", ...es256() };
  shop.publish(addon.id, [first]);

  await deskAdmin.openAddon(addon.id);
  await page.getByLabel("JWKS URL", { exact: true }).fill(shop.jwksUrl(addon.id));
  await page.getByRole("button", { name: "Save and read JWKS" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Read the JWKS" })).toContainText("1 usable key");
  await expect(page.getByRole("row", { name: /shop-es-1\s+ES256\s+From the JWKS/ })).toBeVisible();

  shop.signWith(addon.id, { kid: first.kid, privateKey: first.privateKey });
  const customer = await customerPage(browser);
  const email = uniqueEmail("jwks");
  await customer.goto(shop.url(addon.id, email));
  await asapWidget(customer).expectSignedInAs(email);

  // The shop rotates in its JWKS: a new EdDSA key in, the old key out; the admin has it read now.
  const second = { kid: "shop-ed-2", ...ed25519() };
  shop.publish(addon.id, [second]);
  await page.getByRole("button", { name: "Save and read JWKS" }).click();
  const report = page.getByRole("status").filter({ hasText: "Read the JWKS" });
  await expect(report).toContainText("New: shop-ed-2");
  await expect(report).toContainText("No longer listed, dropped: shop-es-1");
  await expect(deskAdmin.loginLog()).toContainText("Signed with the ES256 key shop-es-1 (from the JWKS)");

  shop.signWith(addon.id, { kid: second.kid, privateKey: second.privateKey });
  const next = uniqueEmail("jwks-rotated");
  const rotated = await customerPage(browser);
  await rotated.goto(shop.url(addon.id, next));
  await asapWidget(rotated).expectSignedInAs(next);

  shop.signWith(addon.id, { kid: first.kid, privateKey: first.privateKey });
  const since = new Date();
  const dropped = await customerPage(browser);
  await dropped.goto(shop.url(addon.id, uniqueEmail("jwks-dropped")));
  await asapWidget(dropped).expectLoginRefused("KEY_NOT_FOUND", { since });
});
