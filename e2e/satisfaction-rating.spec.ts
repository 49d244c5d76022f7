import type { Browser, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { DeskPortal } from "./pages/desk-portal";
import { expectNoSeriousViolations } from "./support/axe";
import { e2eDatabase } from "./support/database";
import { contactSession } from "./support/desk";

// Satisfaction rating: the customer rates a ticket an agent closed (and a chat an agent ended) in the
// widget, may change it once, and the agent console and the portal's summary show what they said.

/** The Desk portal in a browser of its own, signed in as the seeded admin (who may use the console too). */
async function deskPortal(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new DeskPortal(page).signIn();
  await expect(page).toHaveURL(/\/desk\/admin$/);
  return page;
}

test("a signed-in user rates a ticket the agent closed, changes it once, and a second change is refused; the agent and the portal see it", async ({
  signedInPage: page,
  widget,
  asapWidget,
  browser,
}) => {
  await page.goto("/dashboard");
  await widget.open();
  const frame = widget.frame;
  await frame.getByRole("button", { name: "Tickets" }).click();
  await frame.getByRole("button", { name: "New ticket" }).click();
  await frame.getByLabel("Subject").fill("Export keeps failing");
  await frame.getByLabel("How can we help?").fill("The CSV export stops at 80%.");
  await frame.getByRole("button", { name: "Submit ticket" }).click();
  const heading = frame.getByRole("heading", { name: /#\d+ Export keeps failing/ });
  const number = Number(/#(\d+)/.exec((await heading.textContent()) ?? "")?.[1]);
  // Open, it cannot be rated yet.
  await expect(frame.getByRole("radio")).toHaveCount(0);

  // The agent closes it; the console says it is not rated.
  const desk = await deskPortal(browser);
  await desk.goto(`/desk/agent/tickets/${number}`);
  await expect(desk.getByRole("region", { name: "Customer rating" })).toContainText("Not rated.");
  await desk.getByLabel("Status").selectOption("closed");
  await desk.getByRole("button", { name: "Set status" }).click();
  await expect.poll(async () => (await e2eDatabase().ticket.findUniqueOrThrow({ where: { number } })).status).toBe("closed");

  // The customer rates it: the choices are a labelled group that the keyboard moves through.
  await frame.getByRole("button", { name: "← Back" }).click();
  await frame.getByRole("button", { name: /Export keeps failing/ }).click();
  const rating = frame.getByRole("region", { name: "Your rating of this ticket" });
  await expect(rating.getByRole("group", { name: "How did we do?" })).toBeVisible();
  await rating.getByRole("radio", { name: "Good" }).check();
  await page.keyboard.press("ArrowRight");
  await expect(rating.getByRole("radio", { name: "Okay" })).toBeChecked();
  await rating.getByLabel("Comment (optional)").fill("Took two days to hear back.");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByText("Thank you for your rating.")).toBeVisible();
  await expect(rating.getByText("You rated this ticket: Okay.")).toBeVisible();
  await expect(rating.getByText("You can change your rating once.")).toBeVisible();
  await expectNoSeriousViolations(page, "widget");

  // A second tab shows the rating as it is now, still changeable.
  const other = await page.context().newPage();
  await other.goto("/dashboard");
  const otherWidget = asapWidget(other);
  await otherWidget.open();
  await otherWidget.frame.getByRole("button", { name: "Tickets" }).click();
  await otherWidget.frame.getByRole("button", { name: /Export keeps failing/ }).click();
  const staleRating = otherWidget.frame.getByRole("region", { name: "Your rating of this ticket" });
  await expect(staleRating.getByText("You can change your rating once.")).toBeVisible();

  // The one change, in the first tab: final afterwards.
  const comment = `Solved in the end, thanks (#${number}).`;
  await rating.getByText("Change my rating").click();
  await rating.getByRole("radio", { name: "Good" }).check();
  await rating.getByLabel("Comment (optional)").fill(comment);
  await rating.getByRole("button", { name: "Change rating" }).click();
  await expect(rating.getByText("Your rating is changed.")).toBeVisible();
  await expect(rating.getByText("You rated this ticket: Good.")).toBeVisible();
  await expect(rating.getByText("Your rating is final.")).toBeVisible();
  await expect(rating.getByText("Change my rating")).toHaveCount(0);

  // The second tab's change comes too late: the Desk refuses it, and the widget says so.
  await staleRating.getByText("Change my rating").click();
  await staleRating.getByRole("radio", { name: "Bad" }).check();
  await staleRating.getByRole("button", { name: "Change rating" }).click();
  await expect(staleRating.getByText("You have already changed your rating of this ticket once.")).toBeVisible();
  await other.close();

  // The site's own ticket page shows the same, final rating.
  await page.goto(`/help/tickets/${number}`);
  const onSite = page.getByRole("region", { name: "Your rating" });
  await expect(onSite).toContainText("You rated this ticket: Good.");
  await expect(onSite).toContainText("Your rating is final.");
  await expect(onSite.getByRole("radio")).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // The agent sees the rating and its comment; the portal counts it and shows the comment.
  await desk.reload();
  const seen = desk.getByRole("region", { name: "Customer rating" });
  await expect(seen).toContainText("Good");
  await expect(seen).toContainText("changed once");
  await expect(seen).toContainText(comment);
  await expectNoSeriousViolations(desk);
  await desk.goto("/desk/admin");
  const summary = desk.getByRole("region", { name: "Customer satisfaction" });
  await expect(summary).toContainText(/\d+% good/);
  await expect(summary.getByRole("list", { name: "Latest rating comments" })).toContainText(comment);
  await expect(summary.getByRole("link", { name: `ticket #${number}` })).toBeVisible();
  await expectNoSeriousViolations(desk);
  await desk.context().close();
});

test("a guest rates a chat once the agent has ended it", async ({ page, widget, browser }) => {
  await page.goto("/");
  await widget.open();
  const frame = widget.frame;
  await frame.getByRole("button", { name: "Chat" }).click();
  const name = `Rating Guest ${Date.now().toString(36)}`;
  await frame.getByLabel("Your name").fill(name);
  await frame.getByRole("textbox", { name: "Message" }).fill("How do I rotate an API key?");
  await frame.getByRole("button", { name: "Start chat" }).click();
  await expect(frame.getByRole("list", { name: "Chat messages" })).toContainText("How do I rotate an API key?");

  // The agent ends the chat; the open widget hears it and offers a rating.
  const chat = await e2eDatabase().chatSession.findFirstOrThrow({ where: { visitorName: name } });
  const desk = await deskPortal(browser);
  await desk.goto(`/desk/agent/chats/${chat.id}`);
  await desk.getByRole("button", { name: "End chat" }).click();
  await expect(frame.getByText("This chat has ended.")).toBeVisible();
  const rating = frame.getByRole("region", { name: "Your rating of this chat" });
  await rating.getByRole("radio", { name: "Good" }).check();
  await rating.getByLabel("Comment (optional)").fill("Answered in a minute.");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByText("You rated this chat: Good.")).toBeVisible();

  await desk.goto(`/desk/agent/chats/${chat.id}`);
  const seen = desk.getByRole("region", { name: "Customer rating" });
  await expect(seen).toContainText("Good");
  await expect(seen).toContainText("Answered in a minute.");
  await desk.context().close();

  await frame.getByRole("button", { name: "Start a new chat" }).click();
  await expect(frame.getByRole("button", { name: "Start chat" })).toBeVisible();
});

test("the site's own ticket page rates a closed ticket, and changes it once", async ({ signedInPage: page, account, request }) => {
  const me = await contactSession(request, new URL(baseURL).origin, account.email);
  const created = await request.post("/desk/api/asap/v1/tickets", { data: { subject: "Wrong invoice address", description: "It shows the old one." }, headers: me.headers });
  const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };
  await request.patch(`/desk/api/asap/v1/tickets/${ticket.id}`, { data: { status: "closed" }, headers: me.headers });

  await page.goto(`/help/tickets/${ticket.number}`);
  const rating = page.getByRole("region", { name: "Rate this ticket" });
  await expect(rating.getByRole("group", { name: "How did we do?" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByRole("alert")).toHaveText("Choose Good, Okay or Bad.");
  await rating.getByRole("radio", { name: "Bad" }).check();
  await rating.getByLabel("Comment (optional)").fill("Nobody answered for a week.");
  await rating.getByRole("button", { name: "Send rating" }).click();

  const mine = page.getByRole("region", { name: "Your rating" });
  await expect(mine.getByRole("status")).toHaveText("Thank you for your rating.");
  await expect(mine).toContainText("You rated this ticket: Bad.");
  await expect(mine).toContainText("You can change your rating once.");
  await mine.getByRole("radio", { name: "Okay" }).check();
  await mine.getByRole("button", { name: "Change rating" }).click();
  await expect(mine.getByRole("status")).toHaveText("Your rating is changed.");
  await expect(mine).toContainText("You rated this ticket: Okay.");
  await expect(mine).toContainText("Your rating is final.");
  await expect(mine.getByRole("radio")).toHaveCount(0);
});
