import { expect, test } from "./fixtures";
import { serverLogFromNow, STACK_FRAME } from "./support/server-log";

test.describe("sign-up", () => {
  test("a visitor creates an account and lands on their dashboard", async ({ page, signUpPage }) => {
    const email = `new-${Date.now()}-${test.info().workerIndex}@example.com`;
    await page.goto("/");
    await page.getByRole("link", { name: "Start free" }).first().click();
    await signUpPage.signUp({ name: "Mary Jackson", email, password: "wind-tunnel-1958" });

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Welcome back, Mary Jackson" })).toBeVisible();
    await page.getByRole("link", { name: "Mary Jackson" }).click();
    await expect(page.getByText(email)).toBeVisible();
  });

  test("explains every bad field, keeps what was typed, and logs no stack trace", async ({ page, signUpPage }) => {
    const log = serverLogFromNow();
    await signUpPage.goto();
    await signUpPage.signUp({ name: " ", email: "mary@", password: "short" });

    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(signUpPage.email).toHaveValue("mary@");
    await expect(signUpPage.email).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/sign-up$/);
    expect(log.read()).not.toMatch(STACK_FRAME);
  });

  test("refuses an email that already has an account", async ({ page, signUpPage, account }) => {
    await signUpPage.goto();
    await signUpPage.signUp({ name: "Copy Cat", email: account.email.toUpperCase(), password: "another-password" });
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  });
});
