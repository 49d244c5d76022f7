import "server-only";
import { findAddonForLogin, type LoginAddon } from "@/lib/desk/addons/find-addon";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import type { LoginAnswer } from "@/lib/contract/desk-api/session";
import { openSession } from "@/lib/desk/sessions/asap-sessions";
import { db } from "@/lib/shared/db";
import { hotSql } from "@/lib/shared/hot-sql";
import { env } from "@/lib/shared/env";
import { iamNow } from "./clock";
import { AsapError } from "./errors";
import { jwksKeys } from "./jwks-keys";
import { fetchLegacyJwt } from "./legacy-endpoint";
import { upsertContact } from "./login-contact";
import { pruneLoginLog, recordFailure, recordSuccess, type LoginAttempt } from "./login-log";
import { takeLoginAttempt, type LoginBudget } from "./login-throttle";
import { claimJti, pruneUsedTokenIds } from "./replay-store";
import { peekKid } from "./token-format";
import { tokenReplayed, verifyAsapToken } from "./verify-token";

/** New flow: the JWT the business signed. Legacy flow: the user token its JWT endpoint redeems. */
export type Credential = { token: string } | { userToken: string };

export type LoginRequest = Credential & {
  addonId: string;
  clientIp: string;
  /** The request's Origin header (null when a non-browser client sent none). */
  origin: string | null;
  /** The Desk's own origin: requests from the widget frame carry it. */
  deskOrigin: string;
  /** The page embedding the widget, as the frame saw it in postMessage's event.origin. */
  pageOrigin?: string;
};

const masterKey = () => Buffer.from(env.DESK_MASTER_KEY, "base64url");

/**
 * Login, both flows: the failure throttle before anything else, then add-on checks, the JWT (given,
 * or fetched from the business's endpoint), verification, and then one transaction for what a login
 * writes. Every attempt is logged with its flow (identical failures counted on one row). An unknown
 * add-on is answered before the throttle and logged nowhere: it reads one row and writes nothing.
 */
export async function loginToAsap(request: LoginRequest): Promise<LoginAnswer> {
  // The key the token names comes with the add-on, in its one query.
  const addon = await findAddonForLogin(hotSql, request.addonId, "token" in request ? peekKid(request.token) : undefined);
  if (!addon) {
    throw new AsapError("ADDON_NOT_FOUND", `There is no ASAP add-on "${request.addonId}".`, "Use the add-on id shown in the Desk portal.");
  }
  const flow = "token" in request ? "new" : "legacy";
  const attempt: LoginAttempt = { addonId: addon.id, flow, clientIp: request.clientIp, origin: embeddingOrigin(request), reportOnly: addon.reportOnly };
  try {
    const budget = await takeLoginAttempt(hotSql, addon.id, request.clientIp);
    return await login(addon, request, attempt, budget);
  } catch (error) {
    if (error instanceof AsapError) await recordFailure(attempt, error);
    throw error;
  }
}

async function login(addon: LoginAddon, request: LoginRequest, attempt: LoginAttempt, budget: LoginBudget): Promise<LoginAnswer> {
  if (addon.authMode !== "jwt") {
    throw new AsapError("JWT_NOT_ENABLED", "This add-on is in anonymous mode: it accepts no logins.", "Switch the add-on's auth mode to JWT in the portal.");
  }
  const legacy = "userToken" in request;
  if (legacy ? !addon.legacyFlowEnabled : !addon.newFlowEnabled) {
    throw new AsapError(
      "FLOW_NOT_ENABLED",
      `The ${legacy ? "legacy (JWT endpoint)" : "new"} flow is disabled for this add-on.`,
      legacy
        ? "This add-on takes JWTs signed by your app now: have the widget's login callback return one."
        : "Enable the new flow in the add-on's settings, or log in through the legacy JWT endpoint.",
    );
  }
  checkOrigin(addon, request);

  const token = legacy ? await fetchLegacyJwt(addon.legacyEndpointUrl ?? "", request.userToken) : request.token;
  // The jti is claimed below, in the transaction that opens the session: the verifier only hands it over.
  let spent: { jti: string; expiresAt: Date } | undefined;
  const { claims, keyId, key } = await verifyAsapToken(token, {
    keys: databaseKeyRing(db, { addonId: addon.id, masterKey: masterKey(), ...(addon.jwksUrl && { jwks: jwksKeys({ id: addon.id, jwksUrl: addon.jwksUrl }) }), ...(addon.signingKey && { read: addon.signingKey }) }),
    now: iamNow(),
    clockSkewSeconds: addon.clockSkewSeconds,
    audience: addon.id,
    requireJti: addon.requireJti,
    replay: async (jti, expiresAt) => ((spent = { jti, expiresAt }), "fresh"),
  });
  await Promise.all([pruneUsedTokenIds(db), pruneLoginLog()]);

  // All or nothing, nothing read twice: a login that fails half-way spends no jti, leaves no session,
  // and keeps its point of the failure budget; one that succeeds gives the point back as it commits.
  return hotSql.transaction(function* () {
    if (spent && (yield* claimJti(addon.id, spent.jti, spent.expiresAt)) === "replayed") throw tokenReplayed(spent.jti);
    const contact = yield* upsertContact(claims);
    const session = yield* openSession({ addonId: addon.id, contactId: contact.id, keyId, flow: legacy ? "legacy" : "new", ttlSeconds: addon.sessionTtlSeconds });
    yield* recordSuccess(attempt, contact.email, `Signed with the ${key}`);
    yield* budget.refund();
    return { session, contact };
  });
}

/**
 * Browsers always send Origin on these POSTs. The widget frame is served by the Desk, so its requests
 * carry the Desk's own origin and name the embedding page (from postMessage's event.origin), which
 * must be allowed; the frame's CSP frame-ancestors already refuses other embedders. Only the Desk's
 * origin may name a page: any other origin must itself be allowed.
 */
function embeddingOrigin(request: LoginRequest): string | null {
  return request.origin === request.deskOrigin ? (request.pageOrigin ?? request.origin) : request.origin;
}

function checkOrigin(addon: LoginAddon, request: LoginRequest) {
  const page = embeddingOrigin(request);
  if (page === null) return; // not a browser: the token alone decides
  if (page === "null" || !addon.origins.includes(page)) {
    throw new AsapError(
      "ORIGIN_NOT_ALLOWED",
      `The origin ${page} may not log in to this add-on.`,
      `Add ${page} to the add-on's allowed origins in the portal, if it is yours.`,
    );
  }
}
