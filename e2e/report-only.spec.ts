import { deskURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/database";
import { e2eEnv } from "./support/desk";
import { Shop } from "./support/shop";

// Staged enforcement: an admin puts an add-on in report-only mode before enforcing a change (here,
// the key the shop signs with is revoked). Refused logins are logged and counted; the shop's
// customers stay guests without an error; and nothing refused ever signs anyone in.

test.use({ asapDeskUrl: deskURL, asapControlToken: async ({}, use) => use(e2eEnv().DESK_TEST_CONTROL_TOKEN) });

const shop = new Shop();
test.beforeAll(() => shop.start());
test.afterAll(() => shop.stop());

test("report-only mode: a refused login leaves a guest without an error, logged and counted, until the admin enforces", async ({
  deskAdmin,
  page,
  asapDesk,
  asapWidget,
}) => {
  const { addon, key } = await shop.addon(asapDesk);
  await asapDesk.revokeKey(addon.id, key.kid);

  await deskAdmin.openAddon(addon.id);
  await page.getByLabel("Report only: a refused login leaves its person a guest, without an error").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status", { name: "Report-only mode" })).toContainText("Report-only mode is on.");

  const customer = await page.context().newPage();
  const refusedOnConsole: string[] = [];
  customer.on("console", (message) => message.type() === "error" && message.text().includes("KEY_REVOKED") && refusedOnConsole.push(message.text()));
  await customer.goto(shop.url(addon.id, uniqueEmail("staged")));
  const widget = asapWidget(customer);
  await widget.expectLoginRefused("KEY_REVOKED", { inWidget: false });
  await widget.open();
  await widget.expectSignedOut();
  expect(await widget.state()).toMatchObject({ signedIn: null, error: null });
  expect(refusedOnConsole.length).toBeGreaterThan(0); // the integrator still sees why, on the console

  await page.reload();
  await expect(page.getByRole("status", { name: "Report-only mode" })).toContainText("1 login in the last 24 hours would have failed");
  await expect(deskAdmin.loginLog()).toContainText("report only: stayed a guest");

  // Enforced again: the same refusal is an error the customer sees.
  await page.getByLabel("Report only: a refused login leaves its person a guest, without an error").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status", { name: "Report-only mode" })).not.toContainText("is on");
  const since = new Date();
  await customer.reload();
  await widget.expectLoginRefused("KEY_REVOKED", { since });
});
