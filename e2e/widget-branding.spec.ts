import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { deskURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { createAddon } from "./support/desk";
import { e2eDatabase } from "./support/database";

// Branding is the add-on's: an admin sets it in the portal and any page embedding that add-on shows
// it. The page is a business of its own, served on this machine (Chromium lets only a local page load
// the local Desk's script), embedding a fresh add-on.

let shop: Server;
let shopOrigin = "";
let embeddedAddonId = "";

test.beforeAll(async () => {
  shop = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>` +
        `<script src="${deskURL}/asap/sdk.js" data-addon-id="${embeddedAddonId}"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => shop.close(() => resolve())));

/** Opens the shop's page, which embeds `addonId`'s widget. */
async function visitShop(page: Page, addonId: string) {
  embeddedAddonId = addonId;
  await page.goto(`${shopOrigin}/`);
}

test.describe("widget branding", () => {
  test("an admin sets the title, greeting, accent colour and corner; the embedded widget shows them", async ({ deskAdmin, page, widget }) => {
    const addon = await createAddon({ origins: [shopOrigin], authMode: "anonymous" });
    await deskAdmin.openAddon(addon.id);
    const widgetSettings = page.getByRole("group", { name: "Widget" });
    await widgetSettings.getByLabel("Title", { exact: true }).fill("Acme Help");
    await widgetSettings.getByLabel("Greeting").fill("Hello from Acme! Ask us anything.");
    await widgetSettings.getByLabel("Accent colour").fill("#0f766e");
    await widgetSettings.getByRole("radio", { name: "Bottom left" }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

    await visitShop(page, addon.id);
    await expect(widget.launcher).toHaveCSS("background-color", "rgb(15, 118, 110)");
    await expect(widget.launcher).toHaveCSS("left", "24px");
    await widget.open();
    await expect(widget.frame.getByRole("heading", { level: 1 })).toHaveText("Acme Help");
    await expect(widget.frame.getByText("Hello from Acme! Ask us anything.")).toBeVisible();
    await expect(widget.frame.locator("header")).toHaveCSS("background-color", "rgb(15, 118, 110)");
    await expect(widget.frameElement).toHaveCSS("left", "24px");
    const viewport = page.viewportSize();
    const box = await widget.launcher.boundingBox();
    expect(box && viewport && box.x + box.width < viewport.width / 2).toBe(true);
  });

  test("an add-on without branding shows its name and the Desk's default look", async ({ page, widget }) => {
    const addon = await createAddon({ origins: [shopOrigin], authMode: "anonymous" });
    await visitShop(page, addon.id);
    await widget.open();
    await expect(widget.frame.getByRole("heading", { level: 1 })).toHaveText(`Test add-on ${addon.id}`);
    await expect(widget.launcher).toHaveCSS("background-color", "rgb(79, 70, 229)");
    await expect(widget.launcher).toHaveCSS("right", "24px");
  });

  test("a colour white text cannot be read on is refused with its reason, and what was typed stays", async ({ deskAdmin, page }) => {
    const addon = await createAddon({ origins: [shopOrigin] });
    await deskAdmin.openAddon(addon.id);
    const widgetSettings = page.getByRole("group", { name: "Widget" });
    await widgetSettings.getByLabel("Title", { exact: true }).fill("Sunny Help");
    await widgetSettings.getByLabel("Accent colour").fill("#ffd700");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(widgetSettings.getByText(/White text on this colour is hard to read \(contrast below 4\.5:1\)/)).toBeVisible();
    await expect(widgetSettings.getByLabel("Accent colour")).toHaveValue("#ffd700");
    await expect(widgetSettings.getByLabel("Title", { exact: true })).toHaveValue("Sunny Help");
    const saved = await e2eDatabase().asapAddon.findUniqueOrThrow({ where: { id: addon.id }, select: { widgetTitle: true, accentColor: true } });
    expect(saved).toEqual({ widgetTitle: null, accentColor: "#4f46e5" });
  });
});
