import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { systemResolver, type ConnectionPolicy } from "./endpoint-connection";
import { AsapError } from "./errors";
import { JWKS_COOL_DOWN_MS, JWKS_MAX_AGE_MS, jwksKeys, readJwksNow } from "./jwks-keys";
import { verifyAsapToken } from "./verify-token";

// An add-on's JWKS URL, served by a real HTTP server on loopback: when the Desk reads it, what it
// keeps, and what it refuses. The clock is the test's, so cool-down and lifetime are exact.
const LOOPBACK_ALLOWED: ConnectionPolicy = { allowPrivateAddresses: true, resolve: systemResolver };

type Published = { kid: string; pair: { publicKey: KeyObject; privateKey: KeyObject }; alg: "ES256" | "EdDSA" };
const newKey = (kid: string, alg: "ES256" | "EdDSA" = "ES256"): Published => ({
  kid,
  alg,
  pair: alg === "ES256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("ed25519"),
});

/** What the business's server answers at each path: a JWK Set, or a raw status and body. */
const documents = new Map<string, { status?: number; body: string }>();
const requests = new Map<string, number>();
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const document = documents.get(path);
    if (!document) return void response.writeHead(404).end();
    response.writeHead(document.status ?? 200, { "Content-Type": "application/json" }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function publish(path: string, keys: Published[], extra: unknown[] = []) {
  const members = keys.map(({ kid, pair, alg }) => ({ ...pair.publicKey.export({ format: "jwk" }), kid, alg, use: "sig" }));
  documents.set(path, { body: JSON.stringify({ keys: [...members, ...extra] }) });
}

async function jwksAddon(keys: Published[]) {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  const path = `/${id}/jwks.json`;
  publish(path, keys);
  await db.asapAddon.create({ data: { id, name: id, jwksUrl: `${base}${path}` } });
  return { id, path, jwksUrl: `${base}${path}` };
}

function clock(start = Date.now()) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

function verifier(addon: { id: string; jwksUrl: string }, time: ReturnType<typeof clock>, policy = LOOPBACK_ALLOWED) {
  const keys = databaseKeyRing(db, { addonId: addon.id, masterKey: Buffer.from(env.DESK_MASTER_KEY, "base64url"), jwks: jwksKeys(addon, { now: time.now, policy }) });
  return (token: string) => verifyAsapToken(token, { keys, now: Date.now(), clockSkewSeconds: 60 });
}

function sign(key: Published, kid = key.kid) {
  const now = Date.now();
  return new SignJWT({ email: "ada@example.com", email_verified: true, not_before: now, not_after: now + 60_000, jti: randomUUID() })
    .setProtectedHeader({ alg: key.alg, kid })
    .sign(key.pair.privateKey);
}

async function refusal(work: Promise<unknown>): Promise<AsapError> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AsapError);
  return error as AsapError;
}

describe("JWKS keys", () => {
  it("verifies ES256 and EdDSA tokens with keys read from the JWKS, kept as audited rows", async () => {
    const es = newKey("es-1");
    const ed = newKey("ed-1", "EdDSA");
    const addon = await jwksAddon([es, ed]);
    const verify = verifier(addon, clock());
    expect((await verify(await sign(es))).kid).toBe("es-1");
    expect((await verify(await sign(ed))).kid).toBe("ed-1");
    expect(requests.get(addon.path)).toBe(1);
    const rows = await db.asapKey.findMany({ where: { addonId: addon.id }, select: { kid: true, algorithm: true, source: true, secretEncrypted: true }, orderBy: { kid: "asc" } });
    expect(rows).toEqual([
      { kid: "ed-1", algorithm: "EdDSA", source: "jwks", secretEncrypted: null },
      { kid: "es-1", algorithm: "ES256", source: "jwks", secretEncrypted: null },
    ]);
    const audit = await db.auditEvent.findMany({ where: { target: { startsWith: `addon:${addon.id}` } }, select: { action: true } });
    expect(audit.map((entry) => entry.action)).toEqual(["key.jwks-add", "key.jwks-add"]);
  });

  it("reads again at once for an unknown kid, but at most once per cool-down", async () => {
    const first = newKey("first");
    const addon = await jwksAddon([first]);
    const time = clock();
    const verify = verifier(addon, time);
    await verify(await sign(first));
    const next = newKey("next");
    publish(addon.path, [first, next]);
    // Within the cool-down, a new kid is not looked for: made-up kids cannot make the Desk hammer the JWKS.
    expect((await refusal(verify(await sign(next)))).code).toBe("KEY_NOT_FOUND");
    expect((await refusal(verify(await sign(next, "made-up")))).code).toBe("KEY_NOT_FOUND");
    expect(requests.get(addon.path)).toBe(1);
    time.advance(JWKS_COOL_DOWN_MS);
    expect((await verify(await sign(next))).kid).toBe("next");
    expect(requests.get(addon.path)).toBe(2);
  });

  it("never reads the JWKS for a key made in the portal", async () => {
    const addon = await jwksAddon([]);
    documents.set(addon.path, { status: 503, body: "down" });
    const pair = newKey("portal-es");
    await db.asapKey.create({
      data: { addonId: addon.id, kid: "portal-es", algorithm: "ES256", source: "uploaded", fingerprint: "0".repeat(16), publicKey: JSON.stringify(pair.pair.publicKey.export({ format: "jwk" })) },
    });
    expect((await verifier(addon, clock())(await sign(pair))).kid).toBe("portal-es");
    expect(requests.get(addon.path)).toBeUndefined();
  });

  it("shares one read among concurrent logins", async () => {
    const key = newKey("k");
    const addon = await jwksAddon([key]);
    const verify = verifier(addon, clock());
    const tokens = await Promise.all(Array.from({ length: 8 }, () => sign(key)));
    await Promise.all(tokens.map(verify));
    expect(requests.get(addon.path)).toBe(1);
  });

  it("drops a key once the JWKS no longer names it, with its sessions; it may come back later", async () => {
    const old = newKey("old");
    const current = newKey("current");
    const addon = await jwksAddon([old, current]);
    const time = clock();
    const verify = verifier(addon, time);
    await verify(await sign(old));
    publish(addon.path, [current]);
    await verify(await sign(old)); // the copy is still fresh: rotation overlap lasts until the next read
    time.advance(JWKS_MAX_AGE_MS);
    expect((await refusal(verify(await sign(old)))).code).toBe("KEY_NOT_FOUND");
    expect((await verify(await sign(current))).kid).toBe("current");
    const removal = await db.auditEvent.findFirst({ where: { target: `addon:${addon.id}/key:old`, action: "key.jwks-remove" } });
    expect(removal?.detail).toContain("no longer in the JWKS");

    publish(addon.path, [old, current]);
    const report = await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    expect(report.added).toEqual(["old"]);
    expect((await verify(await sign(old))).kid).toBe("old");
  });

  it("keeps a key the document still names when its member fails to parse for a moment", async () => {
    const steady = newKey("steady");
    const addon = await jwksAddon([steady]);
    await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    documents.set(addon.path, { body: JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", kid: "steady", x: "broken" }] }) });
    const report = await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    expect(report.removed).toEqual([]);
    expect(report.skipped).toEqual([{ kid: "steady", reason: expect.stringContaining("not a valid public key") }]);
    expect(await db.asapKey.count({ where: { addonId: addon.id, kid: "steady", revokedAt: null } })).toBe(1);
  });

  it("ends the sessions made with a key when the JWKS publishes new material under its kid", async () => {
    const leaked = newKey("same-kid");
    const addon = await jwksAddon([leaked]);
    await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    const row = await db.asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId: addon.id, kid: "same-kid" } } });
    const contact = await db.contact.create({ data: { email: `${addon.id}@example.com`, name: "Ada" } });
    const session = await db.asapSession.create({
      data: { addonId: addon.id, contactId: contact.id, tokenHash: randomUUID(), flow: "new", keyId: row.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const rekeyed = newKey("same-kid");
    publish(addon.path, [rekeyed]);
    const report = await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    expect(report.changed).toEqual(["same-kid"]);
    expect((await db.asapSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    const verify = verifier(addon, clock());
    expect((await refusal(verify(await sign(leaked)))).code).toBe("SIGNATURE_INVALID");
    expect((await verify(await sign(rekeyed))).kid).toBe("same-kid");
  });

  it("writes nothing from a read that raced a change of the add-on's URL", async () => {
    const key = newKey("raced");
    const addon = await jwksAddon([key]);
    await db.asapAddon.update({ where: { id: addon.id }, data: { jwksUrl: `${base}/elsewhere.json` } });
    await expect(readJwksNow(addon, { policy: LOOPBACK_ALLOWED })).rejects.toThrow("changed while it was read");
    expect(await db.asapKey.count({ where: { addonId: addon.id } })).toBe(0);
  });

  it("keeps verifying with the keys it has when a later read fails", async () => {
    const key = newKey("steady");
    const addon = await jwksAddon([key]);
    const time = clock();
    const verify = verifier(addon, time);
    await verify(await sign(key));
    documents.set(addon.path, { status: 503, body: "down" });
    time.advance(JWKS_MAX_AGE_MS);
    expect((await verify(await sign(key))).kid).toBe("steady");
    expect(requests.get(addon.path)).toBe(2);
  });

  it("answers JWKS_FETCH_FAILED, the cause in the log detail only, when an unknown kid meets an unreadable JWKS", async () => {
    const cases: Array<[string, { status?: number; body: string }, string]> = [
      ["a server error", { status: 500, body: "oops at db.internal" }, "HTTP 500"],
      ["not JSON", { body: "<html>" }, "not JSON"],
      ["no keys array", { body: JSON.stringify({ key: [] }) }, 'no "keys" array'],
      ["a body over the limit", { body: JSON.stringify({ keys: [], pad: "x".repeat(70 * 1024) }) }, "longer than 65536 bytes"],
    ];
    for (const [name, document, cause] of cases) {
      const addon = await jwksAddon([]);
      documents.set(addon.path, document);
      const error = await refusal(verifier(addon, clock())(await sign(newKey("any"))));
      expect(error.code, name).toBe("JWKS_FETCH_FAILED");
      expect(error.logDetail, name).toContain(cause);
      expect(JSON.stringify(error.toJSON()), name).not.toContain("db.internal");
      expect(JSON.stringify(error.toJSON()), name).not.toContain(addon.jwksUrl);
    }
  });

  it("never reads a JWKS on a loopback address, or over plain http, unless private addresses are allowed (SSRF guard)", async () => {
    const key = newKey("k");
    const guarded = { allowPrivateAddresses: false, resolve: systemResolver };
    const plain = await jwksAddon([key]);
    const overHttp = await refusal(verifier(plain, clock(), guarded)(await sign(key)));
    expect(overHttp.code).toBe("JWKS_FETCH_FAILED");
    expect(overHttp.logDetail).toContain("not https");

    const loopback = await jwksAddon([key]);
    const httpsUrl = loopback.jwksUrl.replace("http://", "https://");
    await db.asapAddon.update({ where: { id: loopback.id }, data: { jwksUrl: httpsUrl } });
    const error = await refusal(verifier({ id: loopback.id, jwksUrl: httpsUrl }, clock(), guarded)(await sign(key)));
    expect(error.code).toBe("JWKS_FETCH_FAILED");
    expect(error.logDetail).toContain("loopback");
    expect(requests.get(plain.path)).toBeUndefined();
    expect(requests.get(loopback.path)).toBeUndefined();
  });

  it("skips what it cannot use, saying why: a published private key, RSA, no kid, a duplicate, a kid the portal made", async () => {
    const good = newKey("good");
    const addon = await jwksAddon([]);
    await db.asapKey.create({ data: { addonId: addon.id, kid: "portal-made", fingerprint: "0".repeat(16), secretEncrypted: "v1.x.y" } });
    const leaked = newKey("leaked");
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });
    publish(addon.path, [good, good, { ...newKey("portal-made") }], [
      { ...leaked.pair.privateKey.export({ format: "jwk" }), kid: "leaked" },
      { ...rsa, kid: "rsa" },
      { ...good.pair.publicKey.export({ format: "jwk" }) },
    ]);
    const report = await readJwksNow(addon, { policy: LOOPBACK_ALLOWED });
    expect(report.added).toEqual(["good"]);
    const reasons = Object.fromEntries(report.skipped.map((skip) => [skip.kid ?? "(none)", skip.reason]));
    expect(reasons.good).toContain("same kid");
    expect(reasons["portal-made"]).toContain("made in the portal");
    expect(reasons.leaked).toContain("private key");
    expect(reasons.rsa).toContain("RSA");
    expect(reasons["(none)"]).toContain("no kid");
    expect(await db.asapKey.count({ where: { addonId: addon.id, kid: "leaked" } })).toBe(0);
  });

  it("lets two add-ons read one JWKS: each keeps its own row under the same kid", async () => {
    const shared = newKey("shared");
    const first = await jwksAddon([shared]);
    const id = `addon_${randomUUID().slice(0, 8)}`;
    await db.asapAddon.create({ data: { id, name: id, jwksUrl: first.jwksUrl } });
    const second = { id, jwksUrl: first.jwksUrl };
    expect((await verifier(first, clock())(await sign(shared))).kid).toBe("shared");
    expect((await verifier(second, clock())(await sign(shared))).kid).toBe("shared");
    expect(await db.asapKey.count({ where: { kid: "shared", addonId: { in: [first.id, second.id] } } })).toBe(2);
  });
});
