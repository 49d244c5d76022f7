import { test as base, type Page } from "@playwright/test";
import { asapSettingsFromEnv } from "./config.js";
import { asapDesk, type AsapDesk } from "./desk-client.js";
import { mintAsapToken } from "./mint.js";
import { AsapWidget } from "./widget.js";

/** Settable in `use: { … }` of playwright.config.ts or `test.use`; each defaults to its environment variable. */
export type AsapTestOptions = {
  /** The Desk simulator's URL (`ASAP_DESK_URL`). */
  asapDeskUrl: string | undefined;
  /** Its control token (`ASAP_DESK_CONTROL_TOKEN`). */
  asapControlToken: string | undefined;
  /** The add-on your app embeds (`ASAP_ADDON_ID`); else the widget reads it from the page. */
  asapAddonId: string | undefined;
};

export type AsapFixtures = {
  /** The Desk's test-control API. Using it without a URL and token fails the test, saying which is missing. */
  asapDesk: AsapDesk;
  mintAsapToken: typeof mintAsapToken;
  /** The widget on a page (the test's own by default). */
  asapWidget: (page?: Page) => AsapWidget;
};

export const test = base.extend<AsapTestOptions & AsapFixtures>({
  asapDeskUrl: [async ({}, use) => use(asapSettingsFromEnv().deskUrl), { option: true }],
  asapControlToken: [async ({}, use) => use(asapSettingsFromEnv().controlToken), { option: true }],
  asapAddonId: [async ({}, use) => use(asapSettingsFromEnv().addonId), { option: true }],

  asapDesk: async ({ asapDeskUrl, asapControlToken }, use) => use(asapDesk({ url: asapDeskUrl ?? "", token: asapControlToken ?? "" })),
  mintAsapToken: async ({}, use) => use(mintAsapToken),
  asapWidget: async ({ page, asapDeskUrl, asapControlToken, asapAddonId }, use) => {
    // The control client only when configured: the page object alone needs neither URL nor token.
    const desk = asapDeskUrl && asapControlToken ? asapDesk({ url: asapDeskUrl, token: asapControlToken }) : undefined;
    await use((target = page) => new AsapWidget(target, { deskUrl: asapDeskUrl, addonId: asapAddonId, desk }));
  },
});

export { expect } from "@playwright/test";
