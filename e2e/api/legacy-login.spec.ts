import { randomBytes } from "node:crypto";
import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { createAddon, loginEvents, type TestAddon, type TestKey } from "../support/desk";
import { e2eDatabase } from "../support/database";
import { closedPort, startEndpointServer } from "../support/endpoint-server";

// The legacy flow's server-to-server call, against a real endpoint server that misbehaves on demand.
const SITE = new URL(baseURL).origin;
const LOGIN = "/desk/api/asap/v1/login";
const userToken = () => randomBytes(32).toString("base64url");
// What the widget (and anyone calling the login API) hears when the endpoint fails, whatever the cause:
// the cause itself is for the add-on's admin, in the portal's login log.
const GENERIC_FAILURE = {
  code: "LEGACY_ENDPOINT_FAILED",
  message: "Your app's login service did not answer as expected.",
  hint: "The site's administrator can see why in the Desk portal's login log.",
};

let endpointKey: TestKey;
let endpoint: Awaited<ReturnType<typeof startEndpointServer>>;
test.beforeAll(async () => {
  endpoint = await startEndpointServer(() => endpointKey);
});
test.afterAll(() => endpoint.close());

async function legacyAddon(path: string): Promise<TestAddon> {
  const addon = await createAddon({ origins: [SITE], legacyEndpointUrl: `${endpoint.base}${path}` });
  endpointKey = addon.key;
  return addon;
}

test.describe("legacy flow: the Desk calls the business's JWT endpoint", () => {
  test("logs in with a user token, whether the endpoint answers text or JSON", async ({ request }) => {
    for (const path of ["/ok", "/json"]) {
      const addon = await legacyAddon(path);
      const response = await request.post(LOGIN, { data: { addonId: addon.id, userToken: userToken() }, headers: { origin: SITE } });
      expect(response.status(), await response.text()).toBe(200);
      const events = await loginEvents(addon.id);
      expect(events.map((e) => `${e.flow}:${e.outcome}`)).toEqual(["legacy:success"]);
      const session = await e2eDatabase().asapSession.findFirstOrThrow({ where: { addonId: addon.id } });
      expect(session.flow).toBe("legacy");
    }
  });

  // One failure for the status and the generic answer; every way an endpoint breaks, and the flow
  // switches: lib/desk/iam/legacy-endpoint.int.test.ts and login-legacy.int.test.ts.
  const failures: Array<[string, string | (() => Promise<string>), string]> = [
    ["is down", async () => `http://127.0.0.1:${await closedPort()}/jwt`, "network error"],
    ["answers 500", "/500", "HTTP 500"],
  ];
  for (const [what, target, cause] of failures) {
    test(`fails cleanly when the endpoint ${what}`, async ({ request }) => {
      const path = typeof target === "string" ? target : "";
      const addon = await legacyAddon(path);
      if (typeof target !== "string") {
        await e2eDatabase().asapAddon.update({ where: { id: addon.id }, data: { legacyEndpointUrl: await target() } });
      }
      const started = Date.now();
      const response = await request.post(LOGIN, { data: { addonId: addon.id, userToken: userToken() }, headers: { origin: SITE } });
      expect(Date.now() - started).toBeLessThan(4_500); // the Desk's own timeout, not the endpoint's pace
      expect(response.status()).toBe(502);
      const text = await response.text();
      expect((JSON.parse(text) as { error: unknown }).error).toEqual(GENERIC_FAILURE);
      expect(text).not.toContain(cause);
      const [event] = await loginEvents(addon.id);
      expect(event).toMatchObject({ flow: "legacy", outcome: "failure", code: "LEGACY_ENDPOINT_FAILED" });
      expect(event?.detail).toContain(cause);
    });
  }

  test("the portal's migration page shows the add-on's admin why the endpoint failed", async ({ request, deskAdmin, page }) => {
    const addon = await legacyAddon("/500");
    const response = await request.post(LOGIN, { data: { addonId: addon.id, userToken: userToken() }, headers: { origin: SITE } });
    expect(response.status()).toBe(502);
    await deskAdmin.page.goto(`/desk/admin/addons/${addon.id}/migration`);
    const failure = page.getByRole("region", { name: /JWT endpoint last failed/ });
    await expect(failure).toContainText("HTTP 500");
    await expect(failure.getByRole("link", { name: /login log/ })).toHaveAttribute("href", `/desk/admin/addons/${addon.id}?flow=legacy&outcome=failure#log`);
  });

  test("refuses a body with both a token and a user token", async ({ request }) => {
    const response = await request.post(LOGIN, { data: { addonId: "addon_demo", token: "a.b.c", userToken: userToken() } });
    expect(response.status()).toBe(400);
  });
});
