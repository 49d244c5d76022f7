import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/database";

// The help center inside the widget, as end-users use it (DESIGN §4's permission matrix in the UI).
test.describe("widget help center", () => {
  test("a guest searches, reads and rates an article, submits a ticket, and is told what needs a sign-in", async ({ page, widget }) => {
    await page.goto("/");
    await widget.open();
    const frame = widget.frame;
    await frame.getByRole("searchbox", { name: "Search help articles" }).fill("custom domain");
    await frame.getByRole("button", { name: "Search", exact: true }).click();
    await frame.getByRole("button", { name: /Add a custom domain/ }).click();
    await expect(frame.getByRole("heading", { name: "Add a custom domain" })).toBeVisible();
    await frame.getByRole("button", { name: "Yes" }).click();
    await expect(frame.getByText("Thanks for your feedback!")).toBeVisible();

    await frame.getByRole("button", { name: "Tickets" }).click();
    await frame.getByLabel("Your name").fill("Guest Visitor");
    await frame.getByLabel("Email").fill("guest.visitor@example.com");
    await frame.getByLabel("Subject").fill("Pricing for nonprofits?");
    await frame.getByLabel("How can we help?").fill("Do you offer discounts?");
    await frame.getByRole("button", { name: "Submit ticket" }).click();
    await expect(frame.getByText(/Ticket #\d+ submitted/)).toBeVisible();
    await expect(frame.getByText("Sign in to your account on this site to follow, answer, edit or close your tickets.")).toBeVisible();

    await frame.getByRole("button", { name: "Community" }).click();
    await expect(frame.getByText("Sign in to your account on this site to post, reply, like or follow.")).toBeVisible();
    await expect(frame.getByRole("button", { name: "New post" })).toHaveCount(0);
  });

  test("a signed-in user opens a ticket, replies, edits, closes and reopens it, and sees the agent's answer", async ({ signedInPage: page, widget, account }) => {
    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    const frame = widget.frame;
    await frame.getByRole("button", { name: "Tickets" }).click();
    await frame.getByRole("button", { name: "New ticket" }).click();
    await frame.getByLabel("Subject").fill("Logs are delayed");
    await frame.getByLabel("How can we help?").fill("Logs show up 10 minutes late.");
    await frame.getByRole("button", { name: "Submit ticket" }).click();
    await expect(frame.getByRole("heading", { name: /#\d+ Logs are delayed/ })).toBeVisible();

    await frame.getByLabel("Add a reply").fill("Since this morning.");
    await frame.getByRole("button", { name: "Send reply" }).click();
    await expect(frame.getByRole("list", { name: "Conversation" })).toContainText("Since this morning.");

    await frame.getByText("Edit ticket").click();
    await frame.getByLabel("Subject").fill("Logs are delayed by 10 minutes");
    await frame.getByRole("button", { name: "Save changes" }).click();
    await expect(frame.getByRole("heading", { name: /Logs are delayed by 10 minutes/ })).toBeVisible();
    await frame.getByRole("button", { name: "Close ticket" }).click();
    await expect(frame.getByText(/^Closed ·/)).toBeVisible();
    await frame.getByRole("button", { name: "Reopen ticket" }).click();
    await expect(frame.getByText(/^Open ·/)).toBeVisible();

    const ticket = await e2eDatabase().ticket.findFirstOrThrow({ where: { contact: { email: account.email } } });
    const agent = await e2eDatabase().agent.findUniqueOrThrow({ where: { email: "priya@desk.example.com" } });
    await e2eDatabase().ticketComment.create({ data: { ticketId: ticket.id, agentId: agent.id, body: "Fixed: a stuck log shipper." } });
    await frame.getByRole("button", { name: "← Back" }).click();
    await frame.getByRole("button", { name: /Logs are delayed by 10 minutes/ }).click();
    await expect(frame.getByText("Priya Nair (support)")).toBeVisible();
    await expect(frame.getByText("Fixed: a stuck log shipper.")).toBeVisible();

    await page.goto(`/help/tickets/${ticket.number}`);
    await expect(page.getByRole("region", { name: "Conversation" }).getByText("Fixed: a stuck log shipper.")).toBeVisible();
  });

  test("a signed-in user posts in the community and likes it", async ({ signedInPage: page, widget }) => {
    await page.goto("/dashboard");
    await widget.open();
    const frame = widget.frame;
    await frame.getByRole("button", { name: "Community" }).click();
    await frame.getByRole("button", { name: "New post" }).click();
    await frame.getByLabel("Topic").selectOption({ label: "Ideas" });
    await frame.getByLabel("Kind").selectOption("idea");
    await frame.getByLabel("Title").fill("Export logs to S3");
    await frame.getByLabel("Details").fill("Nightly exports would help audits.");
    await frame.getByRole("button", { name: "Post", exact: true }).click();
    await expect(frame.getByRole("heading", { name: "Export logs to S3" })).toBeVisible();
    await frame.getByRole("button", { name: "Like (0)" }).click();
    await expect(frame.getByRole("button", { name: "Liked (1)" })).toHaveAttribute("aria-pressed", "true");
    await expect(frame.getByRole("button", { name: "Following" })).toBeVisible();
  });

  test("a guest chats with an agent and sees the reply arrive live", async ({ page, widget }) => {
    await page.goto("/");
    await widget.open();
    const frame = widget.frame;
    await frame.getByRole("button", { name: "Chat" }).click();
    await frame.getByLabel("Your name").fill("Chatty Guest");
    await frame.getByRole("textbox", { name: "Message" }).fill("Do you support IPv6?");
    await frame.getByRole("button", { name: "Start chat" }).click();
    const log = frame.getByRole("list", { name: "Chat messages" });
    await expect(log).toContainText("Do you support IPv6?");

    const chat = await e2eDatabase().chatSession.findFirstOrThrow({ where: { visitorName: "Chatty Guest" }, orderBy: { createdAt: "desc" } });
    const agent = await e2eDatabase().agent.findUniqueOrThrow({ where: { email: "sam@desk.example.com" } });
    await e2eDatabase().chatMessage.create({ data: { sessionId: chat.id, agentId: agent.id, body: "Yes, on every plan." } });
    await expect(log).toContainText("Yes, on every plan.");
    await frame.getByRole("textbox", { name: "Message" }).fill("Great, thanks!");
    await frame.getByRole("button", { name: "Send" }).click();
    await expect(log).toContainText("Great, thanks!");
  });
});
