import type { Locator } from "@playwright/test";
import sharp from "sharp";
import { XSS_CATALOGUE, XSS_UPLOADS } from "@/lib/shared/content/xss-catalogue";
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

test("no uploaded file runs as script, refused or stored, shown, opened or downloaded", async ({ browser, request, asapWidget }) => {
  test.setTimeout(90_000);
  const account = await createAccount("xss-files");
  const me = await contactSession(request, SITE, account.email);
  const api = "/desk/api/asap/v1";
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#0ea5e9" } }).png().toBuffer();
  const bytes = (content: string) => (content === "png polyglot" ? Buffer.concat([png, Buffer.from("<script>window.__xss('png polyglot')</script>")]) : Buffer.from(content));

  const stored: string[] = [];
  for (const upload of XSS_UPLOADS) {
    const response = await request.post(`${api}/attachments?name=${encodeURIComponent(upload.name)}`, {
      data: bytes(upload.content),
      headers: { ...me.headers, "content-type": "application/octet-stream" },
    });
    const body = (await response.json()) as { attachment?: { id: string }; error?: { code: string } };
    if (upload.refused) expect({ label: upload.label, status: response.status(), code: body.error?.code }).toEqual({ label: upload.label, status: 415, code: "FILE_TYPE_NOT_ALLOWED" });
    else stored.push(body.attachment?.id ?? `${upload.label}: ${response.status()}`);
  }
  const { ticket } = (await (
    await request.post(`${api}/tickets`, { data: { subject: "Files", description: "Attached.", attachmentIds: stored }, headers: me.headers })
  ).json()) as { ticket: { number: number } };
  const ran: string[] = [];

  // The customer: the help page shows them, the links are followed, and each file is opened directly.
  const customer = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await customer.newPage();
  await page.exposeFunction("__xss", (label: string) => ran.push(`site: ${label}`));
  await signInThroughApi(page, account);
  await page.goto(`/help/tickets/${ticket.number}`);
  const conversation = page.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByRole("img", { name: /onerror/ })).toBeVisible(); // the name, as alt text
  await followLinks(conversation);
  for (const id of stored) {
    for (const path of [`/help/attachments/${id}`, `/help/attachments/${id}/thumbnail`]) {
      const served = await customer.request.get(path);
      if (served.ok()) expect(served.headers()["content-security-policy"], path).toContain("sandbox"); // a log has no thumbnail: 404
      const opened = await customer.newPage();
      await opened.exposeFunction("__xss", (label: string) => ran.push(`opened ${path}: ${label}`));
      // An image opens as an image; anything else is a download (goto then fails, as downloads do).
      await opened.goto(path).catch(() => undefined);
      await opened.waitForTimeout(300);
      await opened.close();
    }
  }
  const widget = asapWidget(page);
  await widget.open();
  await widget.expectSignedInAs(account.email, { name: account.name });
  await widget.frame.getByRole("button", { name: "Tickets" }).click();
  await widget.frame.getByRole("button", { name: /Files/ }).click();
  await expect(widget.attachments.getByRole("button")).toHaveCount(stored.length);
  const download = page.waitForEvent("download");
  await widget.attachments.getByRole("button", { name: /server\.log/ }).click();
  expect((await download).suggestedFilename()).toBe("server.log");

  // The agent: the console's ticket page, its links followed, each file opened.
  const agentContext = await browser.newContext({ baseURL, acceptDownloads: true });
  const agentPage = await agentContext.newPage();
  await agentPage.exposeFunction("__xss", (label: string) => ran.push(`console: ${label}`));
  await new DeskPortal(agentPage).signIn(DESK_AGENT);
  await agentPage.goto(`/desk/agent/tickets/${ticket.number}`);
  const thread = agentPage.getByRole("region", { name: "Thread" });
  await expect(thread.getByRole("img", { name: /onerror/ })).toBeVisible();
  await followLinks(thread);
  for (const id of stored) {
    expect((await agentContext.request.get(`/desk/agent/attachments/${id}`)).headers()["content-security-policy"]).toContain("sandbox");
    const opened = await agentContext.newPage();
    await opened.exposeFunction("__xss", (label: string) => ran.push(`console opened: ${label}`));
    await opened.goto(`/desk/agent/attachments/${id}`).catch(() => undefined);
    await opened.waitForTimeout(300);
    await opened.close();
  }

  await page.waitForTimeout(500);
  expect(ran).toEqual([]);
  await Promise.all([customer.close(), agentContext.close()]);
});
