import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { AsapError } from "./errors";
import { loginToAsap } from "./login";

// The legacy flow end to end below HTTP: the Desk redeems a user token at the business's endpoint
// (here on loopback, which this file's Desk is allowed to call, as in local development).
vi.hoisted(() => {
  process.env.DESK_ALLOW_PRIVATE_ENDPOINTS = "true";
});

const ORIGIN = "https://app.example.com";
const keys = new Map<string, { kid: string; secret: string }>(); // add-on id → its key, for the endpoint to sign with

let base = "";
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const key = keys.get(url.searchParams.get("addon") ?? "");
  if (url.pathname === "/500" || !key) return response.writeHead(500).end("Internal Server Error");
  const now = Date.now();
  const jwt = await new SignJWT({ email: `${url.searchParams.get("user_token")?.slice(0, 8).toLowerCase()}@example.com`, email_verified: true, not_before: now, not_after: now + 300_000, jti: randomUUID() })
    .setProtectedHeader({ alg: "HS256", kid: key.kid })
    .sign(new TextEncoder().encode(key.secret));
  response.setHeader("Content-Type", "text/plain").end(jwt);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.DESK_ALLOW_PRIVATE_ENDPOINTS; // env was parsed at import; leave no trace for other files
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function legacyAddon(path: string) {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString("base64url");
  await db.asapAddon.create({
    data: { id, name: id, legacyFlowEnabled: true, legacyEndpointUrl: `${base}${path}?addon=${id}`, origins: { create: [{ origin: ORIGIN }] } },
  });
  await db.asapKey.create({ data: { addonId: id, kid, fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, kid, Buffer.from(env.DESK_MASTER_KEY, "base64url")) } });
  keys.set(id, { kid, secret });
  return id;
}

const loginWith = (addonId: string, userToken = randomBytes(32).toString("base64url")) =>
  loginToAsap({ addonId, userToken, clientIp: "203.0.113.5", origin: ORIGIN, deskOrigin: "https://desk.example.com" });

describe("legacy login", () => {
  it("redeems a user token for a session of the legacy flow, and logs it as such", async () => {
    const addonId = await legacyAddon("/jwt");
    const { session, contact } = await loginWith(addonId);
    expect(contact.email).toMatch(/@example\.com$/);
    expect(await db.asapSession.findFirstOrThrow({ where: { addonId }, select: { flow: true } })).toEqual({ flow: "legacy" });
    expect(session.token).toBeTruthy();
    const events = await db.loginEvent.findMany({ where: { addonId }, select: { flow: true, outcome: true } });
    expect(events).toEqual([{ flow: "legacy", outcome: "success" }]);
  });

  it("answers an endpoint's failure generically, logs the cause, and opens no session", async () => {
    const addonId = await legacyAddon("/500");
    const error = await loginWith(addonId).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AsapError);
    expect((error as AsapError).toJSON()).toMatchObject({ code: "LEGACY_ENDPOINT_FAILED", message: "Your app's login service did not answer as expected." });
    const [event] = await db.loginEvent.findMany({ where: { addonId } });
    expect(event).toMatchObject({ flow: "legacy", outcome: "failure", code: "LEGACY_ENDPOINT_FAILED" });
    expect(event?.detail).toContain("HTTP 500");
    expect(await db.asapSession.count({ where: { addonId } })).toBe(0);
  });

  it("refuses a user token once the add-on turns the legacy flow off, without calling the endpoint", async () => {
    const addonId = await legacyAddon("/jwt");
    await db.asapAddon.update({ where: { id: addonId }, data: { legacyFlowEnabled: false } });
    keys.delete(addonId); // the endpoint would now answer 500: a FLOW_NOT_ENABLED proves it was never asked
    const error = await loginWith(addonId).catch((caught: unknown) => caught);
    expect((error as AsapError).code).toBe("FLOW_NOT_ENABLED");
  });
});
