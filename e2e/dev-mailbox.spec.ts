import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/database";
import { VERIFICATION_SUBJECT, waitForMail } from "./support/mailbox";

// The demo's mailbox page (MAIL_CATCHER_URL is set in the e2e stack, as in the demo's .env): a visitor
// reads the verification mail there and follows its link.
test("the demo mailbox shows the caught verification mail, with only the site's own links clickable", async ({ page, signUpPage }) => {
  const email = uniqueEmail("mailbox");
  await signUpPage.goto();
  await signUpPage.signUp({ name: "Katherine Johnson", email, password: "orbital-mechanics" });
  await expect(page).toHaveURL(/\/sign-up\/check-email$/);
  await waitForMail(email, VERIFICATION_SUBJECT);

  await page.getByRole("link", { name: "open the mailbox" }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox$/);
  const mail = page.getByRole("article", { name: VERIFICATION_SUBJECT }).filter({ hasText: `To ${email}` });
  await expect(mail).toBeVisible();
  const link = mail.getByRole("link", { name: /\/verify-email\?token=/ });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page.getByRole("heading", { name: "Sign in to confirm your email address" })).toBeVisible();
});
