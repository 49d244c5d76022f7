import { expect, test } from "../fixtures";
import { baseURL, deskURL } from "../../playwright.config";
import { DEMO_ADDON_ID } from "../support/desk";

const SITE = new URL(baseURL).origin;
const frameUrl = (addonId: string, parentOrigin: string) =>
  `${deskURL}/desk/widget/frame?addonId=${encodeURIComponent(addonId)}&parentOrigin=${encodeURIComponent(parentOrigin)}`;

test.describe("the widget frame", () => {
  test("may be embedded only by the add-on's allowed origins (CSP frame-ancestors)", async ({ request }) => {
    const response = await request.get(frameUrl(DEMO_ADDON_ID, SITE));
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toContain(`frame-ancestors http://127.0.0.1:${new URL(baseURL).port} ${SITE}`);
    expect(csp).toContain("script-src 'self'");
    expect(await response.text()).not.toMatch(/<script>(?!<\/script>)/); // no inline script

    expect((await request.get(frameUrl(DEMO_ADDON_ID, "https://evil.example"))).status()).toBe(403);
    expect((await request.get(frameUrl("addon_nope", SITE))).status()).toBe(404);
  });

  test("a page on another origin cannot show it, even naming an allowed parent", async ({ page }) => {
    await page.route("http://evil.test/", (route) =>
      route.fulfill({ contentType: "text/html", body: `<iframe id="asap-frame" src="${frameUrl(DEMO_ADDON_ID, SITE)}"></iframe>` }),
    );
    await page.goto("http://evil.test/");
    // Chromium replaces a frame its CSP refuses with an error page.
    await expect.poll(() => page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
    await expect(page.frameLocator("#asap-frame").getByRole("status")).toHaveCount(0);
  });
});
