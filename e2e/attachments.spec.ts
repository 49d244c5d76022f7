import { readFile } from "node:fs/promises";
import type { Download, Locator } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { DESK_AGENT, DeskPortal } from "./pages/desk-portal";
import { e2eDatabase } from "./support/database";

// Attachments end to end, in the real browser: the widget, the agent console and the help pages,
// with the Desk on another origin. What is accepted and who may read what: attachments.int.test.ts.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const SCREENSHOT_NAME = /^screenshot-[\d-]+\.png$/;

/** An image has loaded and decoded: it has pixels, not just an alt text. */
async function expectDecoded(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path()) ?? "");
}

test.describe("attachments", () => {
  test("a pasted screenshot reaches the agent, whose PDF reaches the user: in the widget and on the help pages", async ({ browser, signedInPage: page, widget, account, asapDesk }) => {
    test.setTimeout(120_000);
    await page.goto("/dashboard");
    const screenshot = await page.screenshot(); // a real screenshot of the app, as a person would paste one
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    const frame = widget.frame;
    await frame.getByRole("button", { name: "Tickets" }).click();
    await frame.getByRole("button", { name: "New ticket" }).click();
    await frame.getByLabel("Subject").fill("The chart is blank");
    await frame.getByLabel("How can we help?").fill("The usage chart shows nothing since Monday.");
    await frame.getByRole("button", { name: "Submit ticket" }).click();
    await expect(frame.getByRole("heading", { name: /#\d+ The chart is blank/ })).toBeVisible();

    // The user pastes the screenshot into their reply: it uploads as a named PNG, with its progress.
    const reply = frame.getByLabel("Add a reply");
    await reply.fill("This is what I see.");
    await widget.pasteImage(reply, screenshot);
    await widget.expectFilesReady(1);
    await expect(widget.filesToSend.getByText(SCREENSHOT_NAME)).toBeVisible();
    await frame.getByRole("button", { name: "Send reply" }).click();
    await expect(frame.getByRole("list", { name: "Conversation" })).toContainText("This is what I see.");
    await expectDecoded(widget.attachments.getByRole("img", { name: SCREENSHOT_NAME }));
    await expect(widget.filesToSend).toBeHidden();

    // The agent sees the thumbnail in the console and answers with a PDF.
    const ticket = await e2eDatabase().ticket.findFirstOrThrow({ where: { contact: { email: account.email } }, select: { number: true } });
    const agentContext = await browser.newContext({ baseURL });
    const agentPage = await agentContext.newPage();
    await new DeskPortal(agentPage).signIn(DESK_AGENT);
    await agentPage.goto(`/desk/agent/tickets/${ticket.number}`);
    const thread = agentPage.getByRole("region", { name: "Thread" });
    await expectDecoded(thread.getByRole("img", { name: SCREENSHOT_NAME }));
    await agentPage.getByLabel("Reply", { exact: true }).fill("Here is the setup guide.");
    await agentPage.getByLabel("Attach files").setInputFiles({ name: "setup-guide.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(agentPage.getByRole("list", { name: "Files to send" }).getByText("Ready")).toBeVisible();
    await agentPage.getByRole("button", { name: "Send", exact: true }).click();
    await expect(agentPage.getByText("Reply sent to the customer.")).toBeVisible();
    await expect(thread.getByRole("link", { name: "setup-guide.pdf" })).toBeVisible();
    await agentContext.close();

    // The user downloads it in the widget…
    await frame.getByRole("button", { name: "← Back" }).click();
    await frame.getByRole("button", { name: /The chart is blank/ }).click();
    const fromWidget = page.waitForEvent("download");
    await widget.attachments.getByRole("button", { name: /setup-guide\.pdf/ }).click();
    expect((await fromWidget).suggestedFilename()).toBe("setup-guide.pdf");
    expect(Buffer.compare(await bytesOf(await fromWidget), PDF)).toBe(0);

    // …and on the help pages, where they also reply with a log.
    await page.goto(`/help/tickets/${ticket.number}`);
    const conversation = page.getByRole("region", { name: "Conversation" });
    await expectDecoded(conversation.getByRole("img", { name: SCREENSHOT_NAME }));
    const fromHelp = page.waitForEvent("download");
    await conversation.getByRole("link", { name: "setup-guide.pdf" }).click();
    expect(Buffer.compare(await bytesOf(await fromHelp), PDF)).toBe(0);
    await page.getByLabel("Reply", { exact: true }).fill("Thanks, it works again.");
    await page.getByLabel("Attach files").setInputFiles({ name: "browser console.log", mimeType: "text/plain", buffer: Buffer.from("GET /usage 200 (41 ms)\n") });
    await expect(page.getByRole("list", { name: "Files to send" }).getByText("Ready")).toBeVisible();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(conversation.getByRole("link", { name: "browser console.log" })).toBeVisible();

    // What the Desk holds, as an integrator's suite reads it.
    const [record] = (await asapDesk.tickets({ email: account.email })).tickets;
    expect(record?.attachments.map(({ contentType, uploadedBy }) => [contentType, uploadedBy])).toEqual([
      ["image/png", "contact"],
      ["application/pdf", "agent"],
      ["text/plain", "contact"],
    ]);
  });

  test("a file that cannot go is said so: too large or of a refused kind before it is sent, refused by its content after", async ({ signedInPage: page, widget, account }) => {
    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    await widget.frame.getByRole("button", { name: "Tickets" }).click();
    await widget.frame.getByRole("button", { name: "New ticket" }).click();
    await widget.attachFiles([
      { name: "full-trace.log", mimeType: "text/plain", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) },
      { name: "installer.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
      { name: "invoice.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Steps to reproduce: open the chart.") },
    ]);
    const rows = widget.filesToSend.getByRole("listitem");
    await expect(rows.filter({ hasText: "full-trace.log" }).getByRole("alert")).toHaveText("full-trace.log is larger than 10 MB, the limit for attachments.");
    await expect(rows.filter({ hasText: "installer.exe" }).getByRole("alert")).toContainText("installer.exe cannot be attached");
    await expect(rows.filter({ hasText: "invoice.png" }).getByRole("alert")).toContainText("HTML, XML or SVG markup");
    await widget.expectFilesReady(1);

    // The refused ones stay behind; the ticket goes with the one that was accepted.
    await widget.frame.getByLabel("Subject").fill("Chart");
    await widget.frame.getByLabel("How can we help?").fill("See the notes.");
    await widget.frame.getByRole("button", { name: "Submit ticket" }).click();
    await expect(widget.attachments.getByRole("button", { name: /notes\.txt/ })).toBeVisible();
    const stored = await e2eDatabase().attachment.findMany({ where: { contact: { email: account.email } }, select: { name: true, ticketId: true } });
    expect(stored).toEqual([{ name: "notes.txt", ticketId: expect.any(String) }]);
  });
});
