import type { Browser, FrameLocator, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import { DeskPortal } from "./pages/desk-portal";
import { expectNoSeriousViolations } from "./support/axe";
import { e2eDatabase } from "./support/database";

// Guest to signed-in without losing the conversation (issue 14, item 2): a guest chats and sends a
// ticket, then signs in on the site in the same browser. With the email they gave, the chat goes on
// under their account and the ticket is theirs once they confirm; with another email, the widget
// explains and asks about the chat too.

async function deskConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new DeskPortal(page).signIn();
  await expect(page).toHaveURL(/\/desk\/admin$/);
  return page;
}

async function chatAsGuest(frame: FrameLocator, email: string, message: string) {
  await frame.getByRole("button", { name: "Chat" }).click();
  await frame.getByLabel("Your name").fill("Guest Ada");
  await frame.getByLabel("Email (optional)").fill(email);
  await frame.getByRole("textbox", { name: "Message" }).fill(message);
  await frame.getByRole("button", { name: "Start chat" }).click();
  await expect(frame.getByRole("list", { name: "Chat messages" })).toContainText(message);
}

async function ticketAsGuest(frame: FrameLocator, email: string, subject: string): Promise<number> {
  await frame.getByRole("button", { name: "Tickets" }).click();
  await frame.getByLabel("Your name").fill("Guest Ada");
  await frame.getByLabel("Email").fill(email);
  await frame.getByLabel("Subject").fill(subject);
  await frame.getByLabel("How can we help?").fill("I was charged twice this month.");
  await frame.getByRole("button", { name: "Submit ticket" }).click();
  const said = frame.getByText(/Ticket #\d+ submitted/);
  await expect(said).toBeVisible();
  return Number(/#(\d+)/.exec((await said.textContent()) ?? "")?.[1]);
}

test("a guest who signs in with the email they gave keeps their chat and their ticket", async ({ page, widget, account, browser }) => {
  await page.goto("/");
  await widget.open();
  await chatAsGuest(widget.frame, account.email, "My invoice shows the wrong plan.");
  const number = await ticketAsGuest(widget.frame, account.email, "Refund for the double charge");
  const chat = await e2eDatabase().chatSession.findFirstOrThrow({ where: { visitorEmail: account.email } });

  // Signing in on the site reloads the page, and with it the widget.
  await signInThroughApi(page, account);
  await page.goto("/dashboard");
  await widget.open();
  await widget.expectSignedInAs(account.email);

  // The same chat, its earlier message still there, now under the session, with the Desk's notice.
  await widget.frame.getByRole("button", { name: "Chat" }).click();
  const log = widget.frame.getByRole("list", { name: "Chat messages" });
  await expect(log).toContainText("My invoice shows the wrong plan.");
  const notice = `Signed in as ${account.email} (verified). Earlier messages were sent as a guest with this email.`;
  await expect(log).toContainText(notice);
  // The widget says so once it has switched the chat to the session (the notice may come a moment earlier).
  const card = widget.frame.getByRole("region", { name: "From your visit as a guest" });
  await expect(card.getByRole("status")).toContainText("Your chat continues under your account.");
  await widget.frame.getByRole("textbox", { name: "Message" }).fill("Still there?");
  await widget.frame.getByRole("button", { name: "Send" }).click();
  await expect(log).toContainText("Still there?");
  const linked = await e2eDatabase().chatSession.findUniqueOrThrow({ where: { id: chat.id }, include: { contact: true } });
  expect(linked).toMatchObject({ identityVerified: true, visitorTokenHash: null, contact: { email: account.email } });

  // The ticket, though, only once they say so: the guest typed the email, so its matching proves nothing.
  await expect(card.getByRole("list", { name: "Tickets sent as a guest" })).toContainText(`#${number} Refund for the double charge (sent as ${account.email})`);
  await card.getByRole("button", { name: "Link to my account" }).click();
  await expect(card.getByRole("status")).toHaveText("1 ticket is now in My tickets.");

  // The ticket is theirs now: in My tickets, no longer marked as a guest's.
  await widget.frame.getByRole("button", { name: "Tickets" }).click();
  const row = widget.frame.getByRole("list", { name: "My tickets" }).getByRole("button", { name: new RegExp(`#${number} Refund for the double charge`) });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Submitted as a guest");

  // The agent sees the change in the transcript, set apart.
  const desk = await deskConsole(browser);
  await desk.goto(`/desk/agent/chats/${chat.id}`);
  await expect(desk.getByRole("list", { name: "Messages" })).toContainText(notice);
  await expect(desk.getByRole("list", { name: "Messages" })).toContainText("Still there?");
});

test("with another email, the widget explains and asks: confirming continues the chat, declining keeps the ticket separate", async ({ page, widget, account, browser }) => {
  const typed = `someone.else.${Date.now()}@example.com`;
  await page.goto("/");
  await widget.open();
  await chatAsGuest(widget.frame, typed, "Can I change my plan mid-month?");
  const number = await ticketAsGuest(widget.frame, typed, "Question about VAT");
  const chat = await e2eDatabase().chatSession.findFirstOrThrow({ where: { visitorEmail: typed } });

  await signInThroughApi(page, account);
  await page.goto("/dashboard");
  await widget.open();
  await widget.expectSignedInAs(account.email);

  // Nothing was merged silently: the card says what the guest typed and who is signed in.
  const card = widget.frame.getByRole("region", { name: "From your visit as a guest" });
  await expect(card).toContainText(`You started a chat as ${typed}; you are signed in as ${account.email}. Continue it as ${account.email}?`);
  await expect(card.getByRole("list", { name: "Tickets sent as a guest" })).toContainText(`#${number} Question about VAT (sent as ${typed})`);
  expect((await e2eDatabase().chatSession.findUniqueOrThrow({ where: { id: chat.id } })).contactId).toBeNull();
  await expectNoSeriousViolations(page, "widget");

  await card.getByRole("button", { name: `Continue as ${account.email}` }).click();
  await expect(card.getByRole("status")).toHaveText(`Your chat continues as ${account.email}.`);
  await card.getByRole("button", { name: "Keep the ticket separate" }).click();
  await expect(card.getByRole("status")).toHaveText("Kept separate: those tickets stay with the email they were sent from.");

  await widget.frame.getByRole("button", { name: "Chat" }).click();
  const log = widget.frame.getByRole("list", { name: "Chat messages" });
  await expect(log).toContainText("Can I change my plan mid-month?");
  await expect(log).toContainText(`Signed in as ${account.email} (verified). Earlier messages were sent as a guest who typed ${typed}.`);
  expect((await e2eDatabase().chatSession.findUniqueOrThrow({ where: { id: chat.id }, include: { contact: true } })).contact?.email).toBe(account.email);

  await widget.frame.getByRole("button", { name: "Tickets" }).click();
  await expect(widget.frame.getByText("No tickets here.")).toBeVisible();
  const ticket = await e2eDatabase().ticket.findUniqueOrThrow({ where: { number }, include: { contact: true } });
  expect(ticket).toMatchObject({ identityVerified: false, contact: { email: typed } });

  // Asked once: the next page does not ask again.
  await page.reload();
  await widget.open();
  await widget.expectSignedInAs(account.email);
  await expect(widget.frame.getByRole("region", { name: "From your visit as a guest" })).toBeHidden();

  const desk = await deskConsole(browser);
  await desk.goto(`/desk/agent/chats/${chat.id}`);
  await expect(desk.getByRole("list", { name: "Messages" })).toContainText(`a guest who typed ${typed}`);
});
