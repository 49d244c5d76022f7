import type { Page } from "@playwright/test";
import { test as base, expect, type AsapWidget } from "asap-playwright";
import { deskURL } from "../playwright.config";
import { createAccount, type Account } from "./support/database";
import { e2eEnv } from "./support/desk";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";
import { DeskPortal } from "./pages/desk-portal";

/**
 * Shared set-up for specs: page objects, a fresh account per test, and a signed-in page that skips
 * the UI (Auth.js's own CSRF-protected credentials endpoint). The widget's page object, the Desk's
 * control client and token minting are the integrators' toolkit's (asap-playwright), pointed at the
 * e2e stack's cross-origin Desk.
 */
type Fixtures = {
  signInPage: SignInPage;
  signUpPage: SignUpPage;
  /** The widget on the test's page (the toolkit's `asapWidget()`). */
  widget: AsapWidget;
  /** The Desk portal, signed in as the seeded admin. */
  deskAdmin: DeskPortal;
  account: Account;
  signedInPage: Page;
};

export async function signInThroughApi(page: Page, account: Account) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  expect(response.status(), "credentials callback redirects after a successful sign-in").toBe(302);
  expect(response.headers().location).not.toContain("error=");
}

export const test = base.extend<Fixtures>({
  asapDeskUrl: deskURL,
  asapControlToken: async ({}, use) => use(e2eEnv().DESK_TEST_CONTROL_TOKEN),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  widget: async ({ asapWidget }, use) => use(asapWidget()),
  deskAdmin: async ({ page }, use) => {
    const portal = new DeskPortal(page);
    await portal.signIn();
    await expect(page).toHaveURL(/\/desk\/admin$/);
    await use(portal);
  },
  account: async ({}, use) => use(await createAccount()),
  signedInPage: async ({ page, account }, use) => {
    await signInThroughApi(page, account);
    await use(page);
  },
});

export { expect };
