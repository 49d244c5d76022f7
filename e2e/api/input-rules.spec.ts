import { randomUUID } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { createAddon, signToken } from "../support/desk";
import { e2eDatabase } from "../support/database";
import { serverLogFromNow, STACK_FRAME } from "../support/server-log";

// The Desk API's edge rules: bodies are JSON, sent as application/json, and their text is well-formed
// Unicode. Each refusal is a typed error, never a 500, and never fills the server log.
const API = "/desk/api/asap/v1";
const SITE = new URL(baseURL).origin;

async function code(response: APIResponse) {
  return { status: response.status(), code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

test.describe("only application/json bodies", () => {
  // text/plain, form and multipart POSTs are CORS "simple requests": any web page could make its
  // visitors' browsers send them, without a preflight the Desk could refuse.
  for (const contentType of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded"]) {
    test(`refuses a ${contentType} guest ticket with 415, and creates none`, async ({ request }) => {
      const subject = `Drive-by ${randomUUID()}`;
      const body = JSON.stringify({ name: "Guest", email: "guest@example.com", subject, description: "Sent by another site's page." });
      const response = await request.post(`${API}/tickets`, { data: body, headers: { "content-type": contentType, origin: "https://evil.example" } });
      expect(await code(response)).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
      expect(await e2eDatabase().ticket.count({ where: { subject } })).toBe(0);
    });
  }

  test("refuses a text/plain chat start and login with 415", async ({ request }) => {
    const visitorName = `Drive-by ${randomUUID()}`;
    const chat = await request.post(`${API}/chat/sessions`, { data: JSON.stringify({ name: visitorName, message: "hi" }), headers: { "content-type": "text/plain" } });
    expect(await code(chat)).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await e2eDatabase().chatSession.count({ where: { visitorName } })).toBe(0);

    const addon = await createAddon({ origins: [SITE] });
    const login = await request.post(`${API}/login`, {
      data: JSON.stringify({ addonId: addon.id, token: await signToken(addon.key) }),
      headers: { "content-type": "text/plain" },
    });
    expect(await code(login)).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await e2eDatabase().asapSession.count({ where: { addonId: addon.id } })).toBe(0);
  });

  test("still takes application/json with a charset", async ({ request }) => {
    const subject = `Charset ${randomUUID()}`;
    const body = JSON.stringify({ name: "Guest", email: "guest@example.com", subject, description: "Fine." });
    const response = await request.post(`${API}/tickets`, { data: body, headers: { "content-type": "application/json; charset=utf-8" } });
    expect(response.status()).toBe(201);
  });
});

test.describe("well-formed Unicode only", () => {
  // "\ud800" in JSON is half a surrogate pair: valid JSON, but no text a database or a page can hold.
  test("refuses a lone surrogate in a ticket, a chat and a token's name or jti, quietly", async ({ request }) => {
    const log = serverLogFromNow();
    const subject = `Broken ${randomUUID()}`;
    const ticket = await request.post(`${API}/tickets`, {
      data: `{"name":"Guest","email":"guest@example.com","subject":"\\ud800","description":"${subject}"}`,
      headers: { "content-type": "application/json" },
    });
    expect(await code(ticket)).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    expect(((await ticket.json()) as { error: { message: string } }).error.message).toContain('"subject"');
    expect(await e2eDatabase().ticket.count({ where: { description: subject } })).toBe(0);

    const chat = await request.post(`${API}/chat/sessions`, { data: '{"name":"Guest","message":"hi \\udc00"}', headers: { "content-type": "application/json" } });
    expect(await code(chat)).toEqual({ status: 400, code: "VALIDATION_FAILED" });

    const addon = await createAddon({ origins: [SITE] });
    for (const claims of [{ name: "\ud800" }, { jti: "\ud800" }]) {
      const login = await request.post(`${API}/login`, { data: { addonId: addon.id, token: await signToken(addon.key, claims) }, headers: { origin: SITE } });
      expect(await code(login)).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    }
    expect(await e2eDatabase().asapSession.count({ where: { addonId: addon.id } })).toBe(0);

    // What the server wrote meanwhile (other workers' tests included): small, and never a stack.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = log.read();
    expect(written.length).toBeLessThan(4_000);
    expect(written).not.toMatch(STACK_FRAME);
    expect(written).not.toContain("invocation");
  });
});
