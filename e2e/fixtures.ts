import { test as base, expect, type Page } from "@playwright/test";
import { createAccount, type Account } from "./support/database";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";
import { AsapWidget } from "./pages/asap-widget";
import { DeskPortal } from "./pages/desk-portal";

/**
 * Shared set-up for specs, reusable by integrators: page objects, a fresh account per test, and a
 * signed-in page that skips the UI (Auth.js's own CSRF-protected credentials endpoint).
 */
type Fixtures = {
  signInPage: SignInPage;
  signUpPage: SignUpPage;
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
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  widget: async ({ page }, use) => use(new AsapWidget(page)),
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
