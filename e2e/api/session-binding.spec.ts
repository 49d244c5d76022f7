import { baseURL } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { contactSession } from "../support/desk";
import { e2eDatabase } from "../support/database";

// Audit findings 5 and 6: a widget session lives only as long as the key, flow and mode that made it,
// and a chat event stream ends with its session, whatever ended it.
const SITE = new URL(baseURL).origin;
const SESSION = "/desk/api/asap/v1/session";

test.describe("sessions end with what made them", () => {
  test("revoking the key that signed the login ends the session at once", async ({ request }) => {
    const { addon, headers } = await contactSession(request, SITE);
    expect((await request.get(SESSION, { headers })).status()).toBe(200);
    await e2eDatabase().asapKey.updateMany({ where: { addonId: addon.id, kid: addon.key.kid }, data: { revokedAt: new Date() } });
    expect((await request.get(SESSION, { headers })).status()).toBe(401);
    expect((await request.get("/desk/api/asap/v1/tickets", { headers })).status()).toBe(401);
  });

  test("ending the key's rotation overlap, or switching to anonymous mode, ends it too", async ({ request }) => {
    const rotated = await contactSession(request, SITE);
    await e2eDatabase().asapKey.updateMany({ where: { addonId: rotated.addon.id, kid: rotated.addon.key.kid }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await request.get(SESSION, { headers: rotated.headers })).status()).toBe(401);

    const anonymous = await contactSession(request, SITE);
    await e2eDatabase().asapAddon.update({ where: { id: anonymous.addon.id }, data: { authMode: "anonymous" } });
    expect((await request.get(SESSION, { headers: anonymous.headers })).status()).toBe(401);
  });

  test("the portal signs out every widget session of an add-on", async ({ request, deskAdmin, page }) => {
    const first = await contactSession(request, SITE);
    const addonId = first.addon.id;
    const others = await Promise.all(
      [1, 2].map(async (i) => {
        const { signToken } = await import("../support/desk");
        const response = await request.post("/desk/api/asap/v1/login", {
          data: { addonId, token: await signToken(first.addon.key, { email: `other-${i}-${addonId}@example.com` }) },
          headers: { origin: SITE },
        });
        return { authorization: `Bearer ${((await response.json()) as { session: { token: string } }).session.token}` };
      }),
    );
    await deskAdmin.openAddon(addonId);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Sign out all widget sessions" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 widget sessions ended." })).toBeVisible();
    for (const headers of [first.headers, ...others]) expect((await request.get(SESSION, { headers })).status()).toBe(401);
  });
});

test.describe("chat event streams", () => {
  test("end within two seconds of a logout", async ({ request }) => {
    const me = await contactSession(request, SITE);
    const started = await request.post("/desk/api/asap/v1/chat/sessions", { data: { message: "Stream until I leave" }, headers: me.headers });
    const { chat } = (await started.json()) as { chat: { id: string } };

    const response = await fetch(`${baseURL}/desk/api/asap/v1/chat/sessions/${chat.id}/events`, { headers: me.headers, signal: AbortSignal.timeout(15_000) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the stream is open and delivering

    const loggedOut = Date.now();
    expect((await request.post("/desk/api/asap/v1/logout", { headers: me.headers })).status()).toBe(204);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect(Date.now() - loggedOut).toBeLessThan(2_000);
  });
});
