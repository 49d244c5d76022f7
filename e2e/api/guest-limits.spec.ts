import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { deskURL } from "../../playwright.config";
import { expect, test } from "../fixtures";

// Audit finding 10: guests' tickets and chats are limited per address and per email. The Desk process
// of the e2e stack trusts a proxy on loopback (TRUSTED_PROXIES), so each test names its own client
// address in X-Forwarded-For, as a reverse proxy would, and leaves other tests' budgets alone.
const API = "/desk/api/asap/v1";
const address = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

test.describe("guest limits", () => {
  test("an address may submit 30 guest tickets and chats an hour, then waits", async () => {
    const desk = await playwrightRequest.newContext({ baseURL: deskURL, extraHTTPHeaders: { "x-forwarded-for": address() } });
    for (let i = 0; i < 30; i++) {
      // Many emails, one address: only the address limit can trip.
      const email = `guest-${randomUUID().slice(0, 8)}@example.com`;
      const response =
        i % 2 === 0
          ? await desk.post(`${API}/tickets`, { data: { name: "Guest", email, subject: `Question ${i}`, description: "How?" } })
          : await desk.post(`${API}/chat/sessions`, { data: { name: "Guest", email, message: `Hello ${i}` } });
      expect(response.status(), await response.text()).toBe(201);
    }
    const refused = await desk.post(`${API}/tickets`, { data: { name: "Guest", email: "one-more@example.com", subject: "More", description: "More" } });
    expect(refused.status()).toBe(429);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await desk.post(`${API}/tickets`, {
      data: { name: "Guest", email: "fine@example.com", subject: "Fine", description: "Fine" },
      headers: { "x-forwarded-for": address() },
    });
    expect(other.status()).toBe(201);
    await desk.dispose();
  });

  test("one email may be used for 10 guest submissions an hour, from any address", async () => {
    const desk = await playwrightRequest.newContext({ baseURL: deskURL });
    const email = `target-${randomUUID().slice(0, 8)}@example.com`;
    const submit = () =>
      desk.post(`${API}/tickets`, { data: { name: "Someone", email, subject: "In your name", description: "x" }, headers: { "x-forwarded-for": address() } });
    for (let i = 0; i < 10; i++) expect((await submit()).status()).toBe(201);
    const refused = await submit();
    expect(refused.status()).toBe(429);
    expect(refused.headers()["retry-after"]).toBeTruthy();
    await desk.dispose();
  });
});
