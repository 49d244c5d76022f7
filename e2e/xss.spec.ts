import type { Locator } from "@playwright/test";
import { XSS_CATALOGUE } from "@/lib/shared/content/xss-catalogue";
import { baseURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import { DESK_AGENT, DeskPortal } from "./pages/desk-portal";
import { createAccount, e2eDatabase } from "./support/database";
import { contactSession } from "./support/desk";

// The XSS catalogue goes in through every user-content path (ticket, comment, community post and
// reply, chat), then every page that renders it is opened, its links hovered and followed: none of it may run.
const SITE = new URL(baseURL).origin;
const ALL = XSS_CATALOGUE.map((x) => x.payload).join("\n\n");

/**
 * Follows every link in the user content, each in a frame of the page. What a click may run differs
 * by browser (Chromium refuses a data: document in a top frame but runs it in a frame), so a frame is
 * the most a link could ever do; window.__xss is exposed in every frame.
 */
async function followLinks(content: Locator) {
  const hrefs = await content.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await content.page().evaluate(
      (url) =>
        new Promise<void>((loaded) => {
          const frame = Object.assign(document.createElement("iframe"), { src: url, onload: () => loaded() });
          document.body.append(frame);
          setTimeout(loaded, 2_000); // a link off the site may never load here: no network
        }),
      href,
    );
  }
}

test("no user content runs as script on any page that shows it", async ({ browser, request, asapWidget }) => {
  test.setTimeout(90_000);
  const account = await createAccount("xss");
  const me = await contactSession(request, SITE, account.email);
  const api = "/desk/api/asap/v1";
  const { ticket } = (await (await request.post(`${api}/tickets`, { data: { subject: "XSS <b>subject</b>", description: ALL }, headers: me.headers })).json()) as {
    ticket: { id: string; number: number };
  };
  for (const { payload } of XSS_CATALOGUE) await request.post(`${api}/tickets/${ticket.id}/comments`, { data: { body: payload }, headers: me.headers });
  const { post } = (await (
    await request.post(`${api}/community/posts`, { data: { topic: "questions", type: "question", title: "<img src=x onerror=window.__xss('title')>", body: ALL }, headers: me.headers })
  ).json()) as { post: { id: string } };
  await request.post(`${api}/community/posts/${post.id}/replies`, { data: { body: ALL }, headers: me.headers });
  const chat = (await (await request.post(`${api}/chat/sessions`, { data: { name: "<svg onload=window.__xss('name')>", message: ALL } })).json()) as { chat: { id: string } };
  const ran: string[] = [];

  // The customer: the site's ticket page, and the widget's ticket and community views.
  const customer = await browser.newContext({ baseURL });
  const page = await customer.newPage();
  await page.exposeFunction("__xss", (label: string) => ran.push(`site/widget: ${label}`));
  await signInThroughApi(page, account);
  await page.goto(`/help/tickets/${ticket.number}`);
  await expect(page.getByRole("region", { name: "Conversation" })).toContainText("onerror");
  await followLinks(page.getByRole("region", { name: "Conversation" }));
  const widget = asapWidget(page);
  await widget.open();
  await widget.expectSignedInAs(account.email, { name: account.name });
  await widget.frame.getByRole("button", { name: "Tickets" }).click();
  await widget.frame.getByRole("button", { name: /XSS <b>subject<\/b>/ }).click();
  await expect(widget.frame.getByRole("list", { name: "Conversation" })).toContainText("javascript:");
  await widget.frame.getByRole("button", { name: "Community" }).click();
  await widget.frame.getByRole("button", { name: /onerror=window.__xss\('title'\)/ }).first().click(); // newest first: ours
  await expect(widget.frame.getByRole("heading", { name: /onerror/ })).toBeVisible();
  for (const link of await page.getByRole("link").all()) await link.hover().catch(() => undefined);

  // The agent: the console's ticket and chat pages.
  const agentContext = await browser.newContext({ baseURL });
  const agentPage = await agentContext.newPage();
  await agentPage.exposeFunction("__xss", (label: string) => ran.push(`console: ${label}`));
  await new DeskPortal(agentPage).signIn(DESK_AGENT);
  await agentPage.goto(`/desk/agent/tickets/${ticket.number}`);
  await expect(agentPage.getByRole("region", { name: "Thread" })).toContainText("onerror");
  await followLinks(agentPage.getByRole("region", { name: "Thread" }));
  await agentPage.goto(`/desk/agent/chats/${chat.chat.id}`);
  await expect(agentPage.getByRole("list", { name: "Messages" })).toContainText("srcdoc");
  await followLinks(agentPage.getByRole("list", { name: "Messages" }));
  for (const link of await agentPage.getByRole("link").all()) await link.hover().catch(() => undefined);

  await page.waitForTimeout(500);
  expect(ran).toEqual([]);
  expect(await e2eDatabase().ticketComment.count({ where: { ticketId: ticket.id } })).toBe(XSS_CATALOGUE.length); // stored as written
  await Promise.all([customer.close(), agentContext.close()]);
});
