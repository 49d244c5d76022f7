import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SignJWT } from "jose";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { E2E_DIR, e2eDatabase } from "./database";

/** The e2e server's configuration (scripts/e2e-server.ts writes it), for arranging Desk data. */
type E2eEnv = { DESK_MASTER_KEY: string; ASAP_JWT_SECRET: string; ASAP_JWT_KID: string };
let cached: E2eEnv | undefined;
export function e2eEnv(): E2eEnv {
  cached ??= JSON.parse(readFileSync(path.join(E2E_DIR, "env.json"), "utf8")) as E2eEnv;
  return cached;
}

export const DEMO_ADDON_ID = "addon_demo";

export type TestKey = { kid: string; secret: string };
export type TestAddon = { id: string; key: TestKey };

/** A fresh add-on in JWT mode with one live key, allowed on `origins`. */
export async function createAddon(
  options: {
    origins: string[];
    authMode?: "jwt" | "anonymous";
    newFlowEnabled?: boolean;
    legacyEndpointUrl?: string;
    clockSkewSeconds?: number;
  },
): Promise<TestAddon> {
  const db = e2eDatabase();
  const id = `addon_${randomUUID().slice(0, 8)}`;
  await db.asapAddon.create({
    data: {
      id,
      name: `Test add-on ${id}`,
      authMode: options.authMode ?? "jwt",
      newFlowEnabled: options.newFlowEnabled ?? true,
      legacyFlowEnabled: options.legacyEndpointUrl !== undefined,
      legacyEndpointUrl: options.legacyEndpointUrl ?? null,
      clockSkewSeconds: options.clockSkewSeconds ?? 60,
      origins: { create: options.origins.map((origin) => ({ origin })) },
    },
  });
  return { id, key: await addKey(id) };
}

export async function addKey(addonId: string, dates: { revokedAt?: Date; expiresAt?: Date } = {}): Promise<TestKey> {
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString("base64url");
  const masterKey = Buffer.from(e2eEnv().DESK_MASTER_KEY, "base64url");
  await e2eDatabase().asapKey.create({
    data: { addonId, kid, secretEncrypted: sealSecret(secret, kid, masterKey), fingerprint: secretFingerprint(secret), ...dates },
  });
  return { kid, secret };
}

/** A token as a business would mint it; override any claim to break a rule. */
export async function signToken(key: TestKey, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Date.now();
  return new SignJWT({ email: "tester@example.com", email_verified: true, name: "Tester", not_before: now, not_after: now + 300_000, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: key.kid })
    .sign(new TextEncoder().encode(key.secret));
}

export function loginEvents(addonId: string) {
  return e2eDatabase().loginEvent.findMany({ where: { addonId }, orderBy: { createdAt: "asc" } });
}

/** A contact with a live ASAP session on a fresh add-on, through the real login API. */
export async function contactSession(request: import("@playwright/test").APIRequestContext, origin: string, email = `contact-${randomUUID().slice(0, 8)}@example.com`) {
  const addon = await createAddon({ origins: [origin] });
  const response = await request.post("/desk/api/asap/v1/login", { data: { addonId: addon.id, token: await signToken(addon.key, { email }) }, headers: { origin } });
  const { session, contact } = (await response.json()) as { session: { token: string }; contact: { id: string; email: string } };
  return { addon, contact, headers: { authorization: `Bearer ${session.token}` } };
}
