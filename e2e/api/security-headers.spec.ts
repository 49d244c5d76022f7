import { request as playwrightRequest } from "@playwright/test";
import { baseURL, deskURL } from "../../playwright.config";
import { expect, test } from "../fixtures";

// Audit finding 11: no one may frame the site or the portal; the widget frame keeps its own list.
test.describe("security headers", () => {
  // Beside the files' own routes, the attachment paths that are not files keep these headers too.
  for (const path of ["/", "/sign-in", "/help", "/desk/sign-in", "/desk/api/asap/v1/categories", "/desk/api/asap/v1/attachments/rules", "/help/attachments/a/b"]) {
    test(`${path} may only be framed by its own origin and is never sniffed`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"]).toBe("frame-ancestors 'self'");
      expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here
    });
  }

  // The login is answered by the app's own server, without Next.js (lib/desk/api/serve-beside-next.ts).
  test("the login may only be framed by its own origin and is never sniffed", async ({ request }) => {
    const response = await request.post("/desk/api/asap/v1/login", { data: { addonId: "addon_demo", token: "not.a.token" } });
    expect(response.status()).toBe(401);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toBe("frame-ancestors 'self'");
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["cache-control"]).toBe("no-store");
  });

  test("the widget frame keeps the add-on's own frame-ancestors, once", async ({ request }) => {
    const site = new URL(baseURL).origin;
    const response = await request.get(`/desk/widget/frame?addonId=addon_demo&parentOrigin=${encodeURIComponent(site)}`);
    expect(response.status()).toBe(200);
    const csp = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
    expect(csp).toHaveLength(1);
    expect(/frame-ancestors ([^;]*)/.exec(csp[0]?.value ?? "")?.[1]?.split(" ")).toContain(site);
    expect(response.headers()["x-frame-options"]).toBeUndefined();
  });

  test("a page on another origin cannot frame the sign-in page", async ({ page }) => {
    await page.goto(`${deskURL}/asap/sdk.js`); // any page of another origin
    const blocked = page.waitForEvent("console", { predicate: (message) => /frame-ancestors|Refused to (display|frame)/i.test(message.text()), timeout: 10_000 });
    await page.setContent(`<iframe id="victim" src="${baseURL}/sign-in"></iframe>`);
    await blocked;
    await expect(page.frameLocator("#victim").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });

  test("HSTS is sent when a trusted proxy says the client used HTTPS, and only then", async () => {
    const desk = await playwrightRequest.newContext({ baseURL: deskURL });
    const viaTrustedProxy = await desk.get("/desk/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(viaTrustedProxy.headers()["strict-transport-security"]).toContain("max-age=");
    await desk.dispose();
    // The site trusts no proxy: a client claiming HTTPS gets no HSTS.
    const site = await playwrightRequest.newContext({ baseURL });
    expect((await site.get("/sign-in", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toBeUndefined();
    await site.dispose();
  });
});
