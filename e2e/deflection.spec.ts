import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/database";

// Deflection: the widget's ticket form suggests articles as the subject is typed; the portal counts
// the visits that opened one and sent no ticket.

const SUGGESTIONS = "Articles that may answer this";

async function ticketsAvoided(page: Page): Promise<number> {
  await page.goto("/desk/admin");
  const region = page.getByRole("region", { name: "Tickets avoided" });
  return Number(await region.locator("p").first().textContent());
}

test("the ticket form suggests articles while the subject is typed; one opened without a ticket counts as avoided", async ({ deskAdmin, page, asapWidget, browser }) => {
  const before = await ticketsAvoided(deskAdmin.page);

  // A guest reads a suggestion, goes back to the form with what they typed, and sends the ticket after all.
  const guest = await browser.newPage();
  await guest.goto("/pricing");
  const widget = asapWidget(guest);
  await widget.open();
  await widget.frame.getByRole("button", { name: "Tickets" }).click();
  await widget.frame.getByLabel("Subject").fill("custom domain");
  const suggestions = widget.frame.getByRole("region", { name: SUGGESTIONS });
  await suggestions.getByRole("button", { name: /Add a custom domain/ }).click();
  await expect(suggestions.getByRole("heading", { name: "Add a custom domain" })).toBeVisible();
  await suggestions.getByRole("button", { name: "Back to my ticket" }).click();
  await expect(widget.frame.getByLabel("Subject")).toHaveValue("custom domain");
  const article = await e2eDatabase().article.findUniqueOrThrow({ where: { slug: "add-a-custom-domain" }, select: { id: true } });
  await expect.poll(() => e2eDatabase().deflection.count({ where: { articleId: article.id, ticketId: null } })).toBeGreaterThan(0);
  const opened = await e2eDatabase().deflection.findFirstOrThrow({ where: { articleId: article.id, ticketId: null }, orderBy: { createdAt: "desc" } });

  await widget.frame.getByLabel("Your name").fill("Guest Visitor");
  await widget.frame.getByLabel("Email").fill("deflection.guest@example.com");
  await widget.frame.getByLabel("How can we help?").fill("The steps did not work for my registrar.");
  await widget.frame.getByRole("button", { name: "Submit ticket" }).click();
  await expect(widget.frame.getByText(/Ticket #\d+ submitted/)).toBeVisible();
  await expect.poll(async () => (await e2eDatabase().deflection.findUniqueOrThrow({ where: { id: opened.id } })).ticketId).not.toBeNull();
  expect(await ticketsAvoided(page)).toBe(before);

  // Another visitor finds their answer in a suggestion and leaves: one ticket avoided.
  const reader = await browser.newPage();
  await reader.goto("/pricing");
  const second = asapWidget(reader);
  await second.open();
  await second.frame.getByRole("button", { name: "Tickets" }).click();
  await second.frame.getByLabel("Subject").fill("roll back a release");
  await second.frame.getByRole("region", { name: SUGGESTIONS }).getByRole("button", { name: /Roll back a release/ }).click();
  await expect(second.frame.getByRole("heading", { name: "Roll back a release" })).toBeVisible();
  await reader.close();
  await expect.poll(() => ticketsAvoided(page)).toBe(before + 1);
  await guest.close();
});
