import { request as playwrightRequest, type Page } from "@playwright/test";
import { baseURL, deskURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import type { SignUpPage } from "./pages/sign-up-page";
import { contactSession } from "./support/desk";
import { e2eDatabase, uniqueEmail } from "./support/database";
import { ACCOUNT_EXISTS_SUBJECT, mailsTo, verificationLink, VERIFICATION_SUBJECT, waitForMail } from "./support/mailbox";

// Audit finding 1: sign-up used to mark every address verified, so the site vouched (email_verified:
// true) for addresses nobody had proved, and help showed their tickets. Now the address is proved by
// a link mailed over real SMTP (to the e2e stack's mail catcher), and help treats the user as a guest
// until then.

const NOT_VERIFIED = "Verify your email address to see your tickets: use the link we emailed you.";
const PASSWORD = "wind-tunnel-1958";

async function signUp(page: Page, signUpPage: SignUpPage, person: { name: string; email: string; password?: string }) {
  await signUpPage.goto();
  await signUpPage.signUp({ password: PASSWORD, ...person });
  await expect(page).toHaveURL(/\/sign-up\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** A guest ticket through the Desk API, as if from a client address of its own (the Desk trusts a loopback proxy). */
async function guestTicket(email: string, subject: string) {
  const desk = await playwrightRequest.newContext({ baseURL: deskURL, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });
  const response = await desk.post("/desk/api/asap/v1/tickets", { data: { name: "Early Bird", email, subject, description: "Asked before I had an account." } });
  expect(response.status(), await response.text()).toBe(201);
  await desk.dispose();
}

test.describe("email verification", () => {
  test("a new user is a guest in help until they follow the emailed link, then sees their own tickets and nobody else's", async ({
    page,
    signUpPage,
    signInPage,
    widget,
    request,
  }) => {
    const email = uniqueEmail("verify");
    const name = "Mary Jackson";
    // Before the account exists: a ticket this person sent as a guest, and another contact's ticket.
    await guestTicket(email, "Question from before my account");
    const other = await contactSession(request, new URL(baseURL).origin);
    expect((await request.post("/desk/api/asap/v1/tickets", { data: { subject: "Someone else's invoice", description: "Private." }, headers: other.headers })).status()).toBe(201);

    await signUp(page, signUpPage, { name, email });
    await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
    const mail = await waitForMail(email, VERIFICATION_SUBJECT);
    const link = verificationLink(mail);
    expect(new URL(link).origin).toBe(new URL(baseURL).origin);
    expect((await e2eDatabase().user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();

    // Signed in but unverified: the site works, help does not know who they are, and says why.
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await signInPage.signIn(email, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("Verify your email address to see your tickets in help.")).toBeVisible();
    await widget.open();
    await expect(widget.notice).toHaveText(NOT_VERIFIED);
    await widget.expectSignedOut();
    await expect(widget.error).toHaveCount(0);
    await page.goto("/help/tickets");
    await expect(page.getByText("Verify your email address to see your tickets in help.")).toBeVisible();
    await expect(page.getByText("Question from before my account")).toHaveCount(0);
    // The site never vouched for this address: the Desk saw no login for it at all.
    expect(await e2eDatabase().loginEvent.count({ where: { email } })).toBe(0);

    // The link, then the button: verified, and help signs them in.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(/\/dashboard\?verified=1$/);
    await expect(page.getByText("Thank you: your email address is verified.")).toBeVisible();
    await expect(page.getByText("Verify your email address to see your tickets in help.")).toHaveCount(0);
    await widget.open();
    await widget.expectSignedInAs(email, { name });
    await expect(widget.notice).toHaveCount(0);

    await widget.frame.getByRole("button", { name: "Tickets" }).click();
    const list = widget.frame.getByRole("list", { name: "My tickets" });
    await expect(list).toContainText("Question from before my account");
    await expect(list).not.toContainText("Someone else's invoice");
    await page.goto("/help/tickets");
    await expect(page.getByRole("list", { name: "Tickets" })).toContainText("Question from before my account");
    await expect(page.getByText("Someone else's invoice")).toHaveCount(0);
  });

  test("sign-up with an address that has an account shows the same page, changes nothing, and that inbox hears why", async ({
    page,
    signUpPage,
    signInPage,
    account,
  }) => {
    await signUp(page, signUpPage, { name: "Copy Cat", email: account.email.toUpperCase(), password: "another-password" });
    await expect(page.getByText(`We sent a link to ${account.email}.`)).toBeVisible();

    const mail = await waitForMail(account.email, ACCOUNT_EXISTS_SUBJECT);
    expect(mail.text).toContain(`${baseURL}/sign-in`);
    expect(mail.text).not.toContain("verify-email");
    expect((await mailsTo(account.email)).map((m) => m.subject)).toEqual([ACCOUNT_EXISTS_SUBJECT]);

    // The account is untouched: the owner's password still works, the copy cat's does not.
    await signInPage.goto();
    await signInPage.signIn(account.email, "another-password");
    await expect(signInPage.alert).toContainText("don't match an account");
    await signInPage.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("opening the link signed out changes nothing and asks for a sign-in, which comes back to confirm", async ({ page, signUpPage, signInPage }) => {
    const email = uniqueEmail("later");
    await signUp(page, signUpPage, { name: "Dorothy Vaughan", email });
    const link = verificationLink(await waitForMail(email, VERIFICATION_SUBJECT));

    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Sign in to confirm your email address" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
    await page.reload(); // opening it again (a mail scanner, a second click) spends nothing either
    expect((await e2eDatabase().user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();

    await page.getByRole("link", { name: "Sign in to confirm" }).click();
    await signInPage.signIn(email, PASSWORD);
    // The way back keeps its query string: the same link, now with the button.
    await expect(page).toHaveURL(link.replace(/^https?:\/\/[^/]+/, baseURL));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(/\/dashboard\?verified=1$/);
    expect((await e2eDatabase().user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
  });

  test("a link is refused once used, and does nothing for another signed-in account", async ({ page, signUpPage, browser, account }) => {
    const email = uniqueEmail("once");
    await signUp(page, signUpPage, { name: "Christine Darden", email });
    const link = verificationLink(await waitForMail(email, VERIFICATION_SUBJECT));

    // Someone else, signed in, opens it: not theirs to confirm.
    const otherContext = await browser.newContext({ baseURL });
    const otherPage = await otherContext.newPage();
    await signInThroughApi(otherPage, account);
    await otherPage.goto(link);
    await expect(otherPage.getByRole("heading", { name: "This link is for another account" })).toBeVisible();
    await expect(otherPage.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
    await otherContext.close();

    await signInThroughApi(page, { email, password: PASSWORD, name: "Christine Darden" });
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(/\/dashboard\?verified=1$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  });

  test("an unverified user asks for a new link from their ticket page, a few times at most", async ({ page, signUpPage }) => {
    const email = uniqueEmail("resend");
    await signUp(page, signUpPage, { name: "Annie Easley", email });
    await waitForMail(email, VERIFICATION_SUBJECT);
    await signInThroughApi(page, { email, password: PASSWORD, name: "Annie Easley" });

    await page.goto("/help/tickets");
    for (let sent = 2; sent <= 4; sent++) {
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Resend the link" }).click();
      await answered;
      await expect(page.getByText(`We sent a new link to ${email}.`)).toBeVisible();
      await waitForMail(email, VERIFICATION_SUBJECT, sent);
    }
    await page.getByRole("button", { name: "Resend the link" }).click();
    await expect(page.getByText("You have asked for 3 links in a short time.")).toBeVisible();
    expect((await mailsTo(email)).length).toBe(4);

    // The newest link works; so would any unexpired one, but only once in all.
    const newest = verificationLink((await mailsTo(email))[0]!);
    await page.goto(newest);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(/\/dashboard\?verified=1$/);
  });
});
