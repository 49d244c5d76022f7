import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it, vi } from "vitest";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { findSession } from "@/lib/desk/sessions/asap-sessions";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { AsapError } from "./errors";
import { LOGIN_FAILURES_PER_MINUTE, MAX_CLOCK_SKEW_SECONDS } from "./limits";
import { loginToAsap } from "./login";
import { REPEAT_WINDOW_MS } from "./login-log";

// The whole IAM login on a real database: throttle, log, session binding, replay rules.
const ORIGIN = "https://app.example.com";
const DESK = "https://desk.example.com";

type Key = { id: string; kid: string; secret: string };

async function addKey(addonId: string): Promise<Key> {
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString("base64url");
  const row = await db.asapKey.create({
    data: { addonId, kid, fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, kid, Buffer.from(env.DESK_MASTER_KEY, "base64url")) },
    select: { id: true },
  });
  return { id: row.id, kid, secret };
}

async function newAddon(
  settings: { clockSkewSeconds?: number; requireJti?: boolean; legacyFlowEnabled?: boolean; newFlowEnabled?: boolean; authMode?: "jwt" | "anonymous"; reportOnly?: boolean } = {},
) {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  await db.asapAddon.create({ data: { id, name: id, ...settings, origins: { create: [{ origin: ORIGIN }] } } });
  return { id, key: await addKey(id) };
}

function sign(key: Key, claims: Record<string, unknown> = {}) {
  const now = Date.now();
  return new SignJWT({ email: "ada@example.com", email_verified: true, not_before: now, not_after: now + 300_000, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: "HS256", kid: key.kid })
    .sign(new TextEncoder().encode(key.secret));
}

const login = (addonId: string, token: string, extra: { clientIp?: string; origin?: string | null; pageOrigin?: string } = {}) =>
  loginToAsap({
    addonId,
    token,
    clientIp: extra.clientIp ?? "203.0.113.5",
    origin: extra.origin === undefined ? ORIGIN : extra.origin,
    deskOrigin: DESK,
    ...(extra.pageOrigin ? { pageOrigin: extra.pageOrigin } : {}),
  });

async function refusal(promise: Promise<unknown>): Promise<AsapError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AsapError) return error;
    throw error;
  }
  throw new Error("expected the login to be refused");
}

describe("login throttle", () => {
  it("runs before the origin check, so refused origins are throttled and stored as one counted row", async () => {
    const addon = await newAddon();
    const token = await sign(addon.key);
    const codes: string[] = [];
    for (let i = 0; i < 70; i++) codes.push((await refusal(login(addon.id, token, { origin: "https://evil.example" }))).code);
    expect(codes.slice(0, LOGIN_FAILURES_PER_MINUTE).every((code) => code === "ORIGIN_NOT_ALLOWED")).toBe(true);
    expect(codes.slice(LOGIN_FAILURES_PER_MINUTE)).toEqual(Array(70 - LOGIN_FAILURES_PER_MINUTE).fill("RATE_LIMITED"));

    const rows = await db.loginEvent.findMany({ where: { addonId: addon.id }, select: { code: true, count: true } });
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.code === "ORIGIN_NOT_ALLOWED")?.count).toBe(LOGIN_FAILURES_PER_MINUTE);
    expect(rows.find((row) => row.code === "RATE_LIMITED")?.count).toBe(70 - LOGIN_FAILURES_PER_MINUTE);
  });

  it("logs a throttled source's refusals on one row while the countdown they answer runs down", async () => {
    // On a clock of the test's own, at the start of one of the log's repeat windows: 5 s pass in between.
    vi.useFakeTimers({ toFake: ["Date"], now: Math.ceil(Date.now() / REPEAT_WINDOW_MS) * REPEAT_WINDOW_MS + 1_000 });
    try {
      const addon = await newAddon();
      const token = await sign(addon.key);
      const refused = () => refusal(login(addon.id, token, { origin: "https://evil.example" }));
      for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE; i++) await refused();
      const first = await refused();
      vi.setSystemTime(Date.now() + 5_000);
      const later = await refused();
      expect(later.retryAfterSeconds).toBeLessThan(first.retryAfterSeconds!); // the caller hears the countdown
      expect(await db.loginEvent.findMany({ where: { addonId: addon.id, code: "RATE_LIMITED" }, select: { count: true } })).toEqual([{ count: 2 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps a throttled flood on one row even when it claims another origin each time", async () => {
    const addon = await newAddon();
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE + 20; i++) await refusal(login(addon.id, "not-a-token", { clientIp: "198.51.100.77", origin: `https://x${i}.example` }));
    const throttled = await db.loginEvent.findMany({ where: { addonId: addon.id, code: "RATE_LIMITED" }, select: { count: true, origin: true } });
    expect(throttled).toEqual([{ count: 20, origin: null }]);
  });

  it("counts failures only: more successful logins than the limit all go through", async () => {
    const addon = await newAddon();
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE + 10; i++) await login(addon.id, await sign(addon.key));
    expect(await db.asapSession.count({ where: { addonId: addon.id } })).toBe(LOGIN_FAILURES_PER_MINUTE + 10);
  });

  it("counts a login that fails inside its transaction (a replayed token) as a failure: the refund goes with the session", async () => {
    const addon = await newAddon();
    const token = await sign(addon.key);
    await login(addon.id, token);
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE; i++) expect((await refusal(login(addon.id, token))).code).toBe("TOKEN_REPLAYED");
    expect((await refusal(login(addon.id, await sign(addon.key)))).code).toBe("RATE_LIMITED");
  });

  it("keeps each address's failures apart: another address is not starved", async () => {
    const addon = await newAddon();
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE; i++) await refusal(login(addon.id, "not-a-token", { clientIp: "198.51.100.66" }));
    expect((await refusal(login(addon.id, await sign(addon.key), { clientIp: "198.51.100.66" }))).code).toBe("RATE_LIMITED");
    await expect(login(addon.id, await sign(addon.key), { clientIp: "10.0.0.7" })).resolves.toMatchObject({ contact: { email: "ada@example.com" } });
  });
});

describe("sessions end with what made them", () => {
  async function signedIn(settings: Parameters<typeof newAddon>[0] = {}) {
    const addon = await newAddon(settings);
    const { session } = await login(addon.id, await sign(addon.key));
    expect(await findSession(session.token)).not.toBeNull();
    return { addon, bearer: session.token };
  }

  it("binds the session to the key that signed the login", async () => {
    const { addon, bearer } = await signedIn();
    expect(await db.asapSession.findFirst({ where: { addonId: addon.id }, select: { keyId: true } })).toEqual({ keyId: addon.key.id });
    expect(await findSession(bearer)).not.toBeNull();
  });

  it("ends when the key is revoked", async () => {
    const { addon, bearer } = await signedIn();
    await db.asapKey.update({ where: { id: addon.key.id }, data: { revokedAt: new Date() } });
    expect(await findSession(bearer)).toBeNull();
  });

  it("ends when the key's rotation overlap ends", async () => {
    const { addon, bearer } = await signedIn();
    await db.asapKey.update({ where: { id: addon.key.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect(await findSession(bearer)).not.toBeNull(); // still inside the overlap
    await db.asapKey.update({ where: { id: addon.key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await findSession(bearer)).toBeNull();
  });

  it("ends when the add-on switches to anonymous mode", async () => {
    const { addon, bearer } = await signedIn();
    await db.asapAddon.update({ where: { id: addon.id }, data: { authMode: "anonymous" } });
    expect(await findSession(bearer)).toBeNull();
  });

  it("ends when the flow that made it is turned off, and only then", async () => {
    const { addon, bearer } = await signedIn({ legacyFlowEnabled: true });
    await db.asapAddon.update({ where: { id: addon.id }, data: { legacyFlowEnabled: false } });
    expect(await findSession(bearer)).not.toBeNull(); // a new-flow session: the legacy switch is not its business
    await db.asapAddon.update({ where: { id: addon.id }, data: { newFlowEnabled: false } });
    expect(await findSession(bearer)).toBeNull();
  });
});

describe("replay rules", () => {
  it("refuses a used jti even after the admin raises the skew", async () => {
    // A token that ran out 250 s ago, first used (60 s ago) under a 200 s skew...
    const addon = await newAddon({ clockSkewSeconds: 200 });
    const now = Date.now();
    const token = await sign(addon.key, { not_before: now - 550_000, not_after: now - 250_000, jti: "used-once" });
    const { verifyAsapToken } = await import("./verify-token");
    const { databaseKeyRing } = await import("@/lib/desk/keys/key-ring");
    const { databaseReplayStore } = await import("./replay-store");
    const keys = databaseKeyRing(db, { addonId: addon.id, masterKey: Buffer.from(env.DESK_MASTER_KEY, "base64url") });
    await verifyAsapToken(token, { keys, now: now - 60_000, clockSkewSeconds: 200, replay: databaseReplayStore(db, addon.id) });
    // ...is still inside a window of MAX_CLOCK_SKEW_SECONDS now: raising the skew must not revive it.
    await db.asapAddon.update({ where: { id: addon.id }, data: { clockSkewSeconds: MAX_CLOCK_SKEW_SECONDS } });
    expect((await refusal(login(addon.id, token))).code).toBe("TOKEN_REPLAYED");
  });

  it("lets one of two racing logins with one token through, whole: one session, one contact, one success logged", async () => {
    const addon = await newAddon();
    const email = `race-${randomUUID().slice(0, 8)}@example.com`;
    const token = await sign(addon.key, { email, name: "Racer" });
    const outcomes = await Promise.allSettled([login(addon.id, token), login(addon.id, token)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "TOKEN_REPLAYED" } });
    const contact = await db.contact.findUniqueOrThrow({ where: { email } });
    expect(contact.name).toBe("Racer");
    expect(await db.asapSession.count({ where: { contactId: contact.id } })).toBe(1);
    expect(await db.loginEvent.count({ where: { addonId: addon.id, outcome: "success", email } })).toBe(1);
    expect(await db.loginEvent.findFirst({ where: { addonId: addon.id, outcome: "failure" }, select: { code: true } })).toEqual({ code: "TOKEN_REPLAYED" });
  });

  it("requires a jti when the add-on says so (new add-ons do)", async () => {
    const strict = await newAddon();
    const error = await refusal(login(strict.id, await sign(strict.key, { jti: undefined })));
    expect(error.code).toBe("CLAIM_MISSING");
    expect(error.message).toContain("jti");

    const lenient = await newAddon({ requireJti: false });
    await expect(login(lenient.id, await sign(lenient.key, { jti: undefined }))).resolves.toBeTruthy();
  });
});

describe("who may log in", () => {
  it("checks the Origin, or the page the Desk's own frame names, against the add-on's origins", async () => {
    const addon = await newAddon();
    const attempt = async (origin: string | null, pageOrigin?: string) =>
      login(addon.id, await sign(addon.key), { origin, ...(pageOrigin ? { pageOrigin } : {}) }).then(
        () => "ok",
        (error: unknown) => (error instanceof AsapError ? error.code : Promise.reject(error)),
      );
    expect(await attempt(ORIGIN)).toBe("ok");
    expect(await attempt("https://evil.example")).toBe("ORIGIN_NOT_ALLOWED");
    expect(await attempt("null")).toBe("ORIGIN_NOT_ALLOWED");
    // Only the Desk's own origin (the widget frame) may name the embedding page, which must be allowed.
    expect(await attempt(DESK, ORIGIN)).toBe("ok");
    expect(await attempt(DESK)).toBe("ORIGIN_NOT_ALLOWED");
    expect(await attempt(DESK, "https://evil.example")).toBe("ORIGIN_NOT_ALLOWED");
    expect(await attempt("https://evil.example", ORIGIN)).toBe("ORIGIN_NOT_ALLOWED");
    // A non-browser client sends no Origin: the token alone decides.
    expect(await attempt(null)).toBe("ok");
  });

  it("answers each broken token with its code, and the login log keeps every attempt in order", async () => {
    const addon = await newAddon();
    const revoked = await addKey(addon.id);
    await db.asapKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const now = Date.now();
    const cases: Array<[Promise<string> | string, string]> = [
      [sign({ ...addon.key, secret: "x".repeat(43) }), "SIGNATURE_INVALID"],
      [sign(revoked), "KEY_REVOKED"],
      [sign(addon.key, { not_before: now - 600_000, not_after: now - 300_000 }), "TOKEN_EXPIRED"],
      [sign(addon.key, { not_before: Math.floor(now / 1000), not_after: Math.floor(now / 1000) + 300 }), "CLAIM_INVALID"],
      ["not.a.jwt!", "TOKEN_MALFORMED"],
      [`${"a".repeat(9000)}.b.c`, "TOKEN_TOO_LARGE"],
    ];
    for (const [token, code] of cases) expect((await refusal(login(addon.id, await token))).code).toBe(code);
    await login(addon.id, await sign(addon.key, { email: "logged@example.com" }));

    const events = await db.loginEvent.findMany({ where: { addonId: addon.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.code ?? e.outcome)).toEqual([...cases.map(([, code]) => code), "success"]);
    expect(events.at(-1)).toMatchObject({ outcome: "success", email: "logged@example.com", flow: "new", origin: ORIGIN, clientIp: "203.0.113.5" });
    expect(events.at(-1)?.detail).toBe(`Signed with the HS256 key ${addon.key.kid}`); // which key, never the token
    expect(events.find((e) => e.code === "CLAIM_INVALID")?.detail).toContain("not_before is in seconds");
  });

  it("answers an unknown add-on before anything else, and logs it nowhere", async () => {
    const before = await db.loginEvent.count();
    expect((await refusal(login("addon_nope", "a.b.c"))).code).toBe("ADDON_NOT_FOUND");
    expect(await db.loginEvent.count()).toBe(before);
  });

  it("refuses logins to an add-on in anonymous mode, and through a flow that is switched off", async () => {
    const anonymous = await newAddon({ authMode: "anonymous" });
    expect((await refusal(login(anonymous.id, await sign(anonymous.key)))).code).toBe("JWT_NOT_ENABLED");
    const legacyOnly = await newAddon({ newFlowEnabled: false, legacyFlowEnabled: true });
    expect((await refusal(login(legacyOnly.id, await sign(legacyOnly.key)))).code).toBe("FLOW_NOT_ENABLED");
    const newOnly = await newAddon();
    const legacy = loginToAsap({ addonId: newOnly.id, userToken: "user-token", clientIp: "203.0.113.5", origin: ORIGIN, deskOrigin: DESK });
    expect((await refusal(legacy)).code).toBe("FLOW_NOT_ENABLED");
    expect(await db.asapSession.count({ where: { addonId: { in: [anonymous.id, legacyOnly.id, newOnly.id] } } })).toBe(0);
  });

  it("makes one contact per email, and a token's name updates it", async () => {
    const addon = await newAddon();
    const email = `${randomUUID()}@example.com`;
    const first = await login(addon.id, await sign(addon.key, { email }));
    expect(first.contact).toMatchObject({ email, name: email.split("@")[0] });
    const second = await login(addon.id, await sign(addon.key, { email, name: "Ada Lovelace" }));
    expect(second.contact).toEqual({ ...first.contact, name: "Ada Lovelace" });
    expect(second.session.token).not.toBe(first.session.token);
  });

  it("refuses a lone surrogate in a token's name or jti as VALIDATION_FAILED, and opens no session", async () => {
    const addon = await newAddon();
    for (const claims of [{ name: "\ud800" }, { jti: "\ud800" }]) expect((await refusal(login(addon.id, await sign(addon.key, claims)))).code).toBe("VALIDATION_FAILED");
    expect(await db.asapSession.count({ where: { addonId: addon.id } })).toBe(0);
  });
});

describe("report-only mode", () => {
  it("still refuses a bad token and opens no session, but marks the refusal as reported only, and counts it", async () => {
    const { countReportOnlyRefusals } = await import("./flow-stats");
    const addon = await newAddon({ reportOnly: true });
    const stranger = { ...addon.key, secret: randomBytes(32).toString("base64url") };
    const email = `report-${randomUUID().slice(0, 8)}@example.com`;
    for (let i = 0; i < 2; i++) expect((await refusal(login(addon.id, await sign(stranger, { email })))).code).toBe("SIGNATURE_INVALID");
    expect(await db.asapSession.count({ where: { addonId: addon.id } })).toBe(0);
    expect(await db.loginEvent.findFirst({ where: { addonId: addon.id, outcome: "failure" }, select: { code: true, reportOnly: true, count: true } })).toEqual({
      code: "SIGNATURE_INVALID",
      reportOnly: true,
      count: 2,
    });
    expect(await countReportOnlyRefusals(addon.id)).toBe(2);
    await expect(login(addon.id, await sign(addon.key))).resolves.toMatchObject({ contact: { email: "ada@example.com" } });

    // Enforcing again: refusals are plain failures, and the count of those reported only stays.
    await db.asapAddon.update({ where: { id: addon.id }, data: { reportOnly: false } });
    await refusal(login(addon.id, await sign(stranger, { email: `other-${email}` })));
    expect(await db.loginEvent.count({ where: { addonId: addon.id, outcome: "failure", reportOnly: false } })).toBe(1);
    expect(await countReportOnlyRefusals(addon.id)).toBe(2);
  });
});
