import { XSS_CATALOGUE } from "@/lib/shared/content/xss-catalogue";
import { SHARED_CACHE_CONTROL } from "@/lib/shared/http/shared-cache-limit";
import { baseURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { contactSession } from "./support/desk";
import { e2eDatabase } from "./support/database";

// The site's server-rendered help center, fed by the Desk's API over HTTP (a different origin here).
const SITE = new URL(baseURL).origin;

test.describe("help center pages", () => {
  test("anyone browses categories, searches and reads an article", async ({ page }) => {
    await page.goto("/help");
    await expect(page.getByRole("heading", { name: "How can we help?" })).toBeVisible();
    await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: /Billing & plans/ }).click();
    await expect(page.getByRole("heading", { name: "Billing & plans" })).toBeVisible();

    await page.getByRole("searchbox", { name: "Search the help center" }).fill("custom domain");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { name: "Results for “custom domain”" })).toBeVisible();
    await page.getByRole("link", { name: /Add a custom domain/ }).click();
    await expect(page.getByRole("heading", { name: "Add a custom domain", level: 1 })).toBeVisible();
    await expect(page.getByText("a TLS certificate is issued automatically")).toBeVisible();
    await expect(page.getByRole("link", { name: "Domains & networking" })).toBeVisible();

    await page.goto("/help/articles/no-such-article");
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });

  test("help pages are one cached page for everyone, fresh after an edit; who is signed in is asked apart", async ({ signedInPage: page, account, browser }) => {
    // The same HTML for everyone, from the cache, with nobody's name in it.
    const article = "/help/articles/scheduled-jobs";
    for (const path of ["/help", "/help/categories/deployments", article, "/", "/pricing"]) {
      await page.request.get(path);
      const cached = await page.request.get(path);
      expect(cached.status(), path).toBe(200);
      expect(cached.headers()["x-nextjs-cache"], path).toBe("HIT");
      expect(cached.headers()["cache-control"], path).toBe(SHARED_CACHE_CONTROL); // caches in front keep it a second, no more
      const html = await cached.text();
      expect(html, path).not.toContain(account.email);
      expect(html, path).not.toContain(account.name);
    }
    const visitor = await page.request.get("/api/visitor");
    expect(visitor.headers()["cache-control"]).toBe("private, no-store");
    expect(await visitor.json()).toMatchObject({ user: { email: account.email, name: account.name, emailVerified: true } });

    // The browser fills in who is signed in: this user here, nobody in a fresh context.
    await page.goto("/help");
    await expect(page.getByRole("link", { name: account.name })).toBeVisible();
    const stranger = await browser.newPage();
    await stranger.goto("/help");
    await expect(stranger.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(stranger.getByText(account.name)).toHaveCount(0);
    await stranger.close();

    // An edit at the Desk (here straight in its database, as another instance would make it) shows on every cached page.
    const row = await e2eDatabase().article.findUniqueOrThrow({ where: { slug: "scheduled-jobs" } });
    const edited = `${row.title} (edited ${Date.now()})`;
    await e2eDatabase().article.update({ where: { id: row.id }, data: { title: edited } });
    try {
      for (const path of ["/help/categories/deployments", article]) {
        await expect.poll(async () => (await (await page.request.get(path)).text()).includes(edited), { message: path }).toBe(true);
      }
    } finally {
      await e2eDatabase().article.update({ where: { id: row.id }, data: { title: row.title } });
    }

    // The old query-string addresses lead to the new pages.
    await page.goto("/help?category=billing");
    await expect(page).toHaveURL(/\/help\/categories\/billing$/);
    await page.goto("/help?q=custom%20domain");
    await expect(page).toHaveURL(/\/help\/search\?q=custom(%20|\+)domain$/);
    await expect(page.getByRole("heading", { name: "Results for “custom domain”" })).toBeVisible();
    await page.goto("/help/search?q=%20%20");
    await expect(page).toHaveURL(/\/help$/); // nothing to search for: the help center itself
    await page.goto("/help/categories/no-such-category");
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });

  test("a cached page asks who is visiting once, as it is parsed, shows them, and loads the widget", async ({ signedInPage: page, account }) => {
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/visitor") asked.push(request.url());
    });
    await page.goto("/help");
    await expect(page.getByRole("link", { name: account.name })).toBeVisible();
    // The page's inline script asked; the app took its answer instead of asking again.
    expect(await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].some((script) => script.textContent?.includes("/api/visitor")))).toBe(true);
    expect(asked).toHaveLength(1);
    // It also added the widget's SDK as soon as the answer named the Desk: once, whoever came first.
    await expect(page.locator("script#asap-sdk")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Help" })).toBeVisible();
  });

  test("each visit of an article page counts one view at the Desk, through the page's beacon", async ({ page }) => {
    const views = async () => (await e2eDatabase().article.findUniqueOrThrow({ where: { slug: "static-outbound-ip" } })).viewCount;
    const before = await views();
    for (let visit = 1; visit <= 2; visit++) {
      await page.goto("/help/articles/static-outbound-ip");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect.poll(views).toBe(before + visit);
    }
    const crossSite = await page.request.post("/help/articles/static-outbound-ip/views", { headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status()).toBe(403);
    expect(await views()).toBe(before + 2);
  });

  test("a signed-in user sees their own tickets and the agent's reply; user text never runs as script", async ({ signedInPage: page, account, request }) => {
    await page.goto("/help/tickets");
    await expect(page.getByText("No tickets here.")).toBeVisible();

    const me = await contactSession(request, SITE, account.email);
    const created = await request.post("/desk/api/asap/v1/tickets", {
      data: { subject: "Webhook retries", description: XSS_CATALOGUE.map((x) => x.payload).join("\n\n") },
      headers: me.headers,
    });
    const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };
    for (const { payload } of XSS_CATALOGUE.slice(0, 5)) {
      await request.post(`/desk/api/asap/v1/tickets/${ticket.id}/comments`, { data: { body: payload }, headers: me.headers });
    }
    const agent = await e2eDatabase().agent.findUniqueOrThrow({ where: { email: "sam@desk.example.com" } });
    await e2eDatabase().ticketComment.create({ data: { ticketId: ticket.id, agentId: agent.id, body: "We **doubled** the retry window. [Details](/help)" } });

    const ran: string[] = [];
    await page.exposeFunction("__xss", (label: string) => ran.push(label));
    await page.goto("/help/tickets");
    await page.getByRole("link", { name: /Webhook retries/ }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`#${ticket.number} Webhook retries`) })).toBeVisible();
    const conversation = page.getByRole("region", { name: "Conversation" });
    await expect(conversation.getByText("Sam Rivera (Northwind support)")).toBeVisible();
    await expect(conversation.locator("strong", { hasText: "doubled" })).toBeVisible();
    await expect(conversation.getByText("<script>window.__xss('script tag')</script>").first()).toBeVisible(); // shown as text
    for (const link of await conversation.getByRole("link").all()) await link.hover();
    await page.waitForTimeout(500);
    expect(ran).toEqual([]);
  });

  test("someone else's ticket is a 404 page", async ({ signedInPage: page, request }) => {
    const stranger = await contactSession(request, SITE);
    const { ticket } = (await (
      await request.post("/desk/api/asap/v1/tickets", { data: { subject: "Private", description: "Not yours" }, headers: stranger.headers })
    ).json()) as { ticket: { number: number } };
    await page.goto(`/help/tickets/${ticket.number}`);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await expect(page.getByText("Not yours")).toHaveCount(0);
  });

  test("my tickets need a sign-in", async ({ page }) => {
    await page.goto("/help/tickets");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});
