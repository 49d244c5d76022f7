import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { HOST_EVENTS } from "@/widget/protocol/host-events";
import { expect, test } from "./fixtures";
import { e2eEnv, signToken } from "./support/desk";

// The host page's events (ZohoDeskAsap.on), heard as an integrator's page would: a listener added
// through the vendor's ZohoDeskAsapReady queue before the SDK has loaded.

type Heard = { name: string; contact?: { email: string }; reason?: string; code?: string; inSeconds?: number };

async function listenToWidget(page: Page) {
  await page.addInitScript((names: readonly string[]) => {
    if (window.top !== window) return;
    type Sdk = { on(name: string, listener: (payload: object) => void): void };
    const w = window as unknown as {
      heard: object[];
      ZohoDeskAsap?: Sdk;
      ZohoDeskAsapReady?: (callback: () => void) => void;
      ZohoDeskAsapReadyStatus?: boolean;
      ZohoDeskAsap__asyncalls?: Array<() => void> | null;
    };
    w.heard = [];
    // The vendor's snippet: queue until the SDK has loaded.
    w.ZohoDeskAsapReady = (callback) => (w.ZohoDeskAsapReadyStatus ? callback() : (w.ZohoDeskAsap__asyncalls ??= []).push(callback));
    w.ZohoDeskAsapReady(() => {
      for (const name of names) w.ZohoDeskAsap?.on(name, (payload) => w.heard.push({ name, ...payload }));
    });
  }, HOST_EVENTS);
  return () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
}

test.describe("host page events", () => {
  test("signedIn once per person, sessionExpiring before the silent refresh, signedOut on sign-out", async ({ signedInPage: page, account, widget }) => {
    const heard = await listenToWidget(page);
    await page.clock.install();
    await page.goto("/dashboard");
    await expect.poll(heard).toEqual([{ name: "signedIn", contact: { name: account.name, email: account.email } }]);

    await page.clock.fastForward("59:30"); // the session lasts an hour; the frame renews it a minute early
    await expect.poll(async () => (await heard()).map((event) => event.name)).toEqual(["signedIn", "sessionExpiring"]);
    const expiring = (await heard())[1];
    expect(expiring?.inSeconds).toBeGreaterThan(0);
    expect(expiring?.inSeconds).toBeLessThanOrEqual(60);
    await widget.expectSignedInAs(account.email, { name: account.name }); // renewed, and no second signedIn

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(async () => (await heard()).at(-1)).toEqual({ name: "signedOut", reason: "logout" });
    expect((await heard()).filter((event) => event.name === "signedIn")).toHaveLength(1);
  });

  test("loginFailed carries the Desk's code when a token is refused, and TOKEN_UNAVAILABLE when the app gives none", async ({
    signedInPage: page,
    account,
  }) => {
    const heard = await listenToWidget(page);
    const wrongKey = { kid: e2eEnv().ASAP_JWT_KID, secret: randomBytes(32).toString("base64url") };
    await page.route("**/api/asap/token", async (route) =>
      route.fulfill({ json: { token: await signToken(wrongKey, { email: account.email }), expiresAt: Date.now() + 300_000 } }),
    );
    await page.goto("/dashboard");
    await expect.poll(heard).toEqual([expect.objectContaining({ name: "loginFailed", code: "SIGNATURE_INVALID" })]);

    await page.unroute("**/api/asap/token");
    await page.route("**/api/asap/token", (route) => route.fulfill({ status: 403, json: { error: { code: "EMAIL_NOT_VERIFIED", message: "Verify your email first.", hint: "" } } }));
    await page.reload();
    await expect.poll(heard).toEqual([expect.objectContaining({ name: "loginFailed", code: "TOKEN_UNAVAILABLE", message: "Verify your email first." })]);
  });
});
