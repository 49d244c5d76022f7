import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { asapDesk, mintAsapToken, type AsapDesk, type CreateAddonInput } from "asap-playwright";
import { deskURL } from "../../playwright.config";
import { E2E_DIR, e2eDatabase } from "./database";

/** The e2e server's configuration (scripts/e2e-server.ts writes it), for arranging Desk data. */
type E2eEnv = {
  DESK_MASTER_KEY: string;
  ASAP_JWT_SECRET: string;
  ASAP_JWT_KID: string;
  /** The cross-origin Desk's test-control token, for the asap-playwright toolkit's control client. */
  DESK_TEST_CONTROL_TOKEN?: string;
};
let cached: E2eEnv | undefined;
export function e2eEnv(): E2eEnv {
  cached ??= JSON.parse(readFileSync(path.join(E2E_DIR, "env.json"), "utf8")) as E2eEnv;
  return cached;
}

export const DEMO_ADDON_ID = "addon_demo";

export type TestKey = { kid: string; secret: string };
export type TestAddon = { id: string; key: TestKey };

/** The cross-origin Desk's test-control API, through the toolkit's client as integrators use it. */
export function e2eDesk(): AsapDesk {
  return asapDesk({ url: deskURL, token: e2eEnv().DESK_TEST_CONTROL_TOKEN ?? "" });
}

/** A fresh add-on in JWT mode with one live key, allowed on `origins`. */
export async function createAddon(
  options: Pick<CreateAddonInput, "origins" | "authMode" | "newFlowEnabled" | "legacyEndpointUrl" | "clockSkewSeconds">,
): Promise<TestAddon> {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  const { addon, key } = await e2eDesk().createAddon({ id, name: `Test add-on ${id}`, ...options });
  return { id: addon.id, key };
}

/** Another key for the add-on: live, or (with `expiresAt`) working until then. */
export async function addKey(addonId: string, options: { expiresAt?: Date } = {}): Promise<TestKey> {
  return (await e2eDesk().addKey(addonId, { expiresAt: options.expiresAt?.toISOString() })).key;
}

/** A token as a business would mint it (the toolkit's mintAsapToken); override any claim to break a rule. */
export function signToken(key: TestKey, claims: Record<string, unknown> = {}): Promise<string> {
  return mintAsapToken(claims, key);
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
