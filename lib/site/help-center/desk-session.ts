import "server-only";
import type { LoginAnswer, LoginBody } from "@/lib/contract/desk-api/session";
import { env } from "@/lib/shared/env";
import { issueAsapToken } from "@/lib/site/asap/issue-token";
import type { SiteUser } from "@/lib/site/users";
import { deskApi } from "./desk-api";

/**
 * An ASAP session for a signed-in user, for the site's server-rendered help pages: minted and logged
 * in server to server (no browser, so no Origin), then reused until a minute before it ends, so a page
 * view costs no login. Per process; a restart only means one more login.
 */
type Held = { token: string; expiresAt: number };
const sessions = new Map<string, Held>();
const MARGIN_MS = 60_000;

export async function deskSessionFor(user: SiteUser): Promise<string> {
  const held = sessions.get(user.id);
  if (held && held.expiresAt - MARGIN_MS > Date.now()) return held.token;
  const { token } = await issueAsapToken(user);
  const login: LoginBody = { addonId: env.ASAP_ADDON_ID, token };
  const { session } = await deskApi<LoginAnswer>("login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(login),
    cache: "no-store",
  });
  sessions.set(user.id, { token: session.token, expiresAt: Date.now() + session.expiresInSeconds * 1000 });
  if (sessions.size > 1_000) {
    for (const [userId, other] of sessions) if (other.expiresAt <= Date.now()) sessions.delete(userId);
  }
  return session.token;
}

/** After a 401 (revoked or expired early): forget, so the next call logs in afresh. */
export function forgetDeskSession(userId: string): void {
  sessions.delete(userId);
}
