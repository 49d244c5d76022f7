import type { Page } from "@playwright/test";
import type { AsapWidget } from "asap-playwright";
import { slugify } from "@/lib/desk/knowledge-base/article-draft";
import { XSS_CATALOGUE } from "@/lib/shared/content/xss-catalogue";
import { expect, test } from "./fixtures";
import { DESK_AGENT, DeskPortal } from "./pages/desk-portal";

// Knowledge-base authoring, end to end: an agent writes in the console, and the site's cached help
// pages (served by another process than the Desk the widget talks to) and the widget follow at once.

const PAYLOADS = XSS_CATALOGUE.slice(0, 3).map((entry) => entry.payload);

/** The site's page as anyone gets it: from its cache while the Desk's content is unchanged. */
const fetchPage = async (page: Page, path: string) => {
  const response = await page.request.get(path);
  return { status: response.status(), cache: response.headers()["x-nextjs-cache"], html: await response.text() };
};

async function searchWidget(widget: AsapWidget, words: string) {
  await widget.goToTab("Home");
  await widget.frame.getByRole("searchbox", { name: "Search help articles" }).fill(words);
  await widget.frame.getByRole("button", { name: "Search", exact: true }).click();
}

test("an agent writes an article with a live preview, publishes, edits, moves and unpublishes it; /help and the widget follow at once", async ({
  page,
  browser,
  asapWidget,
}) => {
  test.setTimeout(120_000);
  const word = `quokka${Date.now().toString(36)}`; // in no other article: searches find this one alone
  const title = `Refunds for annual plans ${word}`;
  const slug = slugify(title);
  const ran: string[] = [];
  await page.exposeFunction("__xss", (label: string) => ran.push(label));

  // The category pages are in the site's cache before anything is written.
  for (const path of ["/help/categories/billing", "/help/categories/deployments"]) {
    await fetchPage(page, path);
    expect((await fetchPage(page, path)).cache, path).toBe("HIT");
  }

  await new DeskPortal(page).signIn(DESK_AGENT);
  await page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Articles" }).click();
  await page.getByRole("link", { name: "New article" }).click();

  // Writing: the preview follows the body as it is typed, rendered as the help center renders it.
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Slug", { exact: true }).fill("add-a-custom-domain"); // a seeded article's
  await page.getByLabel("Summary", { exact: true }).fill("When and how an annual plan is refunded.");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Billing & plans" });
  await page.getByLabel("Body", { exact: true }).pressSequentially("Ask **Billing → Refunds**");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong", { hasText: "Billing → Refunds" })).toBeVisible();
  await expect(preview.getByText(title)).toBeVisible();
  await page.getByLabel("Body", { exact: true }).fill(`Ask **Billing → Refunds** within 30 days.\n\n${PAYLOADS.join("\n\n")}`);
  await expect(preview.getByText("<script>window.__xss('script tag')</script>")).toBeVisible(); // shown as text
  await expect(preview.locator("script, img, svg")).toHaveCount(0);

  // A taken slug is refused beside its field, and nothing typed is lost.
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Another article already uses the slug “add-a-custom-domain”.")).toBeVisible();
  await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(/within 30 days/);
  await page.getByLabel("Slug", { exact: true }).fill(""); // made from the title
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("A draft: only agents see it until it is published.")).toBeVisible();
  const editUrl = page.url();
  expect((await fetchPage(page, `/help/articles/${slug}`)).status).toBe(404);

  // Published: on the cached help pages and in the widget at once.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: it is on the help center now.")).toBeVisible();
  await expect.poll(async () => (await fetchPage(page, "/help/categories/billing")).html.includes(title)).toBe(true);
  await expect.poll(async () => (await fetchPage(page, `/help/search?q=${word}`)).html.includes(title)).toBe(true);
  const reader = await browser.newPage();
  await reader.exposeFunction("__xss", (label: string) => ran.push(label));
  await reader.goto(`/help/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.locator("article strong", { hasText: "Billing → Refunds" })).toBeVisible();
  await expect(reader.getByText("<img src=x onerror=\"window.__xss('img onerror')\">")).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto("/pricing");
  const widget = asapWidget(visitor);
  await searchWidget(widget, word);
  await widget.frame.getByRole("button", { name: new RegExp(title) }).click();
  await expect(widget.frame.getByRole("heading", { name: title })).toBeVisible();
  await widget.frame.getByRole("button", { name: "Yes" }).click();
  await expect(widget.frame.getByText("Thanks for your feedback!")).toBeVisible();

  // A colleague opens the article too; the agent edits the title and moves it to Deployments.
  const colleague = await page.context().newPage();
  await colleague.goto(editUrl);
  const newTitle = `Refunds for yearly and monthly plans ${word}`;
  await page.getByLabel("Title", { exact: true }).fill(newTitle);
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Deployments" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect.poll(async () => (await fetchPage(page, "/help/categories/deployments")).html.includes(newTitle)).toBe(true);
  await expect.poll(async () => (await fetchPage(page, "/help/categories/billing")).html.includes(word)).toBe(false);
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByRole("heading", { level: 1, name: newTitle })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await searchWidget(widget, word);
  await expect(widget.frame.getByRole("button", { name: new RegExp(newTitle) })).toBeVisible();

  // The colleague's save, based on the version before, is refused rather than undoing that edit.
  await colleague.getByLabel("Summary", { exact: true }).fill("Refunds, briefly.");
  await colleague.getByRole("button", { name: "Save", exact: true }).click();
  await expect(colleague.getByRole("alert").filter({ hasText: "Sam Rivera saved this article after you opened it, so nothing was saved." })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Reload the article" })).toBeVisible();
  await colleague.close();

  // Unpublished: gone from the help pages, the search and the widget at once; the views and votes stay.
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByText("Unpublished: it is a draft again, gone from the help center.")).toBeVisible();
  await expect.poll(async () => (await fetchPage(page, `/help/articles/${slug}`)).status).toBe(404);
  await expect.poll(async () => (await fetchPage(page, "/help/categories/deployments")).html.includes(word)).toBe(false);
  expect((await fetchPage(page, `/help/search?q=${word}`)).html).not.toContain(newTitle);
  await searchWidget(widget, word);
  await expect(widget.frame.getByText("No article matches. Try other words, or submit a ticket.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/1 found it helpful, 0 did not/)).toBeVisible();
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByText("Unpublished: it is a draft again, gone from the help center.")).toBeVisible();

  // The history says who did what.
  const history = page.getByRole("region", { name: "History" });
  for (const line of [
    "Created the draft “" + title + "” in Billing & plans",
    "Published on the help center",
    "Edited title",
    "Moved from Billing & plans to Deployments",
    "Unpublished: now a draft",
  ]) {
    await expect(history.getByText(line).first()).toBeVisible();
  }
  await expect(history).toContainText("Sam Rivera");
  await expect(history.getByText("Refunds, briefly.")).toHaveCount(0);
  expect(ran).toEqual([]);
  await Promise.all([reader.close(), visitor.close()]);
});
