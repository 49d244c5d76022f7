import { XSS_CATALOGUE } from "@/lib/shared/content/xss-catalogue";
import { baseURL } from "../playwright.config";
import { expect, signInThroughApi, test } from "./fixtures";
import { DESK_AGENT, DeskPortal } from "./pages/desk-portal";
import { contactSession } from "./support/desk";
import { createAccount } from "./support/database";

// The agent console closes the loop: every user action gets a visible answer.
const SITE = new URL(baseURL).origin;

test.describe("agent console", () => {
  test("an agent answers a ticket; the customer sees the reply on /help/tickets but never the private note", async ({ page, browser, request }) => {
    const account = await createAccount("console");
    const me = await contactSession(request, SITE, account.email);
    const { ticket } = (await (
      await request.post("/desk/api/asap/v1/tickets", { data: { subject: "Invoice in euros?", description: "Can invoices be in EUR?", priority: "high" }, headers: me.headers })
    ).json()) as { ticket: { number: number } };

    const ran: string[] = [];
    await page.exposeFunction("__xss", (label: string) => ran.push(label));
    await new DeskPortal(page).signIn(DESK_AGENT);
    await page.getByLabel("Priority").selectOption("high");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("link", { name: "Invoice in euros?" }).click();
    await page.getByLabel("Reply", { exact: true }).fill("Yes: **Billing → Currency**, from the next invoice.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Reply sent to the customer.")).toBeVisible();
    await page.getByLabel("Reply", { exact: true }).fill("Customer is on an annual plan.");
    await page.getByLabel("Private note").check();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Private note added.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Thread" }).getByText("private note")).toBeVisible();

    const customer = await browser.newContext({ baseURL });
    const customerPage = await customer.newPage();
    await signInThroughApi(customerPage, account);
    await customerPage.goto(`/help/tickets/${ticket.number}`);
    const conversation = customerPage.getByRole("region", { name: "Conversation" });
    await expect(conversation.getByText("Sam Rivera (Northwind support)")).toBeVisible();
    await expect(conversation.locator("strong", { hasText: "Billing → Currency" })).toBeVisible();
    await expect(customerPage.getByText("Customer is on an annual plan.")).toHaveCount(0);
    await expect(customerPage.getByText("Waiting on you")).toBeVisible();
    await customer.close();
    expect(ran).toEqual([]);
  });

  test("a chat round trip: a guest asks, the agent answers from the inbox, the reply streams back", async ({ page, request }) => {
    const payload = XSS_CATALOGUE[1]?.payload ?? "";
    const started = (await (await request.post("/desk/api/asap/v1/chat/sessions", { data: { name: "Guest Grace", message: payload } })).json()) as {
      chat: { id: string };
      visitorToken: string;
    };
    const ran: string[] = [];
    await page.exposeFunction("__xss", (label: string) => ran.push(label));
    await new DeskPortal(page).signIn(DESK_AGENT);
    await page.goto("/desk/agent/chats");
    await page.getByRole("link", { name: /Guest Grace/ }).first().click();
    await expect(page.getByRole("list", { name: "Messages" })).toContainText("onerror"); // the visitor's text, shown as text
    await page.getByRole("textbox", { name: "Message" }).fill("Hello Grace, how can I help?");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("list", { name: "Messages" })).toContainText("Hello Grace, how can I help?");

    const response = await fetch(`${baseURL}/desk/api/asap/v1/chat/sessions/${started.chat.id}/events`, {
      headers: { "x-chat-token": started.visitorToken },
      signal: AbortSignal.timeout(5_000),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("Hello Grace")) text += (await reader.read()).value ?? "";
    await reader.cancel();
    expect(text).toContain('"from":{"kind":"agent","name":"Sam Rivera"}');
    expect(ran).toEqual([]);
  });
});
