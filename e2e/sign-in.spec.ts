import { expect, test } from "./fixtures";
import { serverLogFromNow, STACK_FRAME } from "./support/server-log";

const MISMATCH = "That email and password don't match an account. Check both and try again.";

test.describe("sign-in", () => {
  test("the right password opens the dashboard", async ({ page, signInPage, account }) => {
    await signInPage.goto();
    await signInPage.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: `Welcome back, ${account.name}` })).toBeVisible();
  });

  test("a wrong password is refused with a clear message, keeping the email", async ({ page, signInPage, account }) => {
    const log = serverLogFromNow();
    await signInPage.goto();
    await signInPage.signIn(account.email, "not-the-password");
    await expect(signInPage.alert).toHaveText(MISMATCH);
    await expect(signInPage.email).toHaveValue(account.email);
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(log.read()).not.toMatch(STACK_FRAME);
  });

  test("an unknown email gets the same message, revealing nothing", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(`nobody-${Date.now()}@example.com`, "whatever-password");
    await expect(signInPage.alert).toHaveText(MISMATCH);
  });

  test("malformed input is explained beside each field", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("not-an-email", "");
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("a signed-out visit to the dashboard asks to sign in, then returns there", async ({ page, signInPage, account }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signInPage.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  });

  test("the demo user from the seed can sign in", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("ada@example.com", "northwind-demo");
    await expect(page.getByRole("heading", { name: "Welcome back, Ada Lovelace" })).toBeVisible();
  });
});

test.describe("sign-in throttling", () => {
  test("after five wrong passwords even the right one is refused for a while", async ({ signInPage, account }) => {
    await signInPage.goto();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signInPage.signIn(account.email, `wrong-password-${attempt}`);
      await expect(signInPage.alert).toHaveText(MISMATCH);
    }
    await signInPage.signIn(account.email, account.password);
    await expect(signInPage.alert).toContainText("Too many failed attempts");
  });
});

test.describe("sign-out", () => {
  test("signing out returns to the public site and closes the signed-in areas", async ({ signedInPage: page }) => {
    await page.goto("/dashboard");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
