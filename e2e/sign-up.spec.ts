import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/database";
import { serverLogFromNow, STACK_FRAME } from "./support/server-log";

test.describe("sign-up", () => {
  test("a visitor creates an unverified account, is not signed in, and is told to check their email", async ({ page, signUpPage }) => {
    const email = `new-${Date.now()}-${test.info().workerIndex}@example.com`;
    await page.goto("/");
    await page.getByRole("link", { name: "Start free" }).first().click();
    await signUpPage.signUp({ name: "Mary Jackson", email, password: "wind-tunnel-1958" });

    await expect(page).toHaveURL(/\/sign-up\/check-email$/);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
    expect((await e2eDatabase().user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();
    // Not signed in: the signed-in areas still ask for a sign-in.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
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

  test("answers an address that already has an account exactly as a new one, without signing anybody in", async ({ page, signUpPage, account }) => {
    await signUpPage.goto();
    await signUpPage.signUp({ name: "Copy Cat", email: account.email.toUpperCase(), password: "another-password" });
    await expect(page).toHaveURL(/\/sign-up\/check-email$/);
    await expect(page.getByText(`We sent a link to ${account.email}.`)).toBeVisible();
    await expect(page.getByText("An account with this email already exists")).toHaveCount(0);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});
