import "server-only";
import type { JwksKeys } from "@/lib/desk/keys/key-ring";
import { JwksFetchError, syncJwks, type JwksSyncReport } from "@/lib/desk/keys/jwks-sync";
import { env } from "@/lib/shared/env";
import { systemResolver, type ConnectionPolicy } from "./endpoint-connection";
import { AsapError } from "./errors";

/**
 * When the Desk reads an add-on's JWKS: at most once per JWKS_MAX_AGE_MS while logins come, and at
 * once for a kid it does not know (a key the business just published), but never more often than
 * once per JWKS_COOL_DOWN_MS, so tokens with made-up kids cannot make the Desk hammer the business's
 * server. Concurrent logins share one read. A failed read keeps the keys already read: a blip at the
 * business's server does not sign everyone out. State is per instance; the rows are shared.
 */
export const JWKS_MAX_AGE_MS = 5 * 60_000;
export const JWKS_COOL_DOWN_MS = 30_000;

type State = { url: string; readAt: number; attemptedAt: number; lastFailure: string | null; inflight: Promise<JwksSyncReport> | null };

// On globalThis, as Next.js's route bundles and the server's own code (server.ts answers the login)
// each load this module: one cool-down per process, whichever of them asks.
const STATES = Symbol.for("asap-jwt-helpcenter.jwks-states");
const states = ((globalThis as { [STATES]?: Map<string, State> })[STATES] ??= new Map<string, State>());

export type JwksPolicyOptions = { now?: () => number; policy?: ConnectionPolicy };

const defaultPolicy = (): ConnectionPolicy => ({ allowPrivateAddresses: env.DESK_ALLOW_PRIVATE_ENDPOINTS, resolve: systemResolver });

function stateFor(addonId: string, url: string): State {
  let state = states.get(addonId);
  if (!state || state.url !== url) {
    state = { url, readAt: 0, attemptedAt: 0, lastFailure: null, inflight: null };
    states.set(addonId, state);
  }
  return state;
}

function read(addonId: string, state: State, options: JwksPolicyOptions): Promise<JwksSyncReport> {
  if (state.inflight) return state.inflight;
  const now = options.now ?? Date.now;
  state.attemptedAt = now();
  state.inflight = syncJwks(addonId, state.url, options.policy ?? defaultPolicy())
    .then(
      (report) => {
        state.readAt = now();
        state.lastFailure = null;
        return report;
      },
      (error: unknown) => {
        state.lastFailure = error instanceof JwksFetchError ? error.message : "the document could not be read";
        throw error;
      },
    )
    .finally(() => {
      state.inflight = null;
    });
  return state.inflight;
}

function fetchFailed(url: string, cause: string): AsapError {
  return new AsapError("JWKS_FETCH_FAILED", "The add-on's signing keys (its JWKS) could not be read.", "The site's administrator can see why in the Desk portal's login log.", {
    logDetail: `The token's kid is not among the add-on's keys, and its JWKS at ${url} could not be read: ${cause}. Check that the URL serves { "keys": [ … ] } with status 200, quickly, from a public address.`,
  });
}

/** The add-on's JWKS as the key ring reads it. */
export function jwksKeys(addon: { id: string; jwksUrl: string }, options: JwksPolicyOptions = {}): JwksKeys {
  const now = options.now ?? Date.now;
  const state = stateFor(addon.id, addon.jwksUrl);
  return {
    async ensureFresh() {
      const at = now();
      if (at - state.readAt < JWKS_MAX_AGE_MS || at - state.attemptedAt < JWKS_COOL_DOWN_MS) return false;
      try {
        await read(addon.id, state, options);
        return true;
      } catch (error) {
        if (!(error instanceof JwksFetchError)) throw error;
        return false;
      }
    },
    async refreshForUnknownKid() {
      if (now() - state.attemptedAt < JWKS_COOL_DOWN_MS && !state.inflight) {
        if (state.lastFailure) throw fetchFailed(addon.jwksUrl, state.lastFailure);
        return false;
      }
      try {
        await read(addon.id, state, options);
        return true;
      } catch (error) {
        if (error instanceof JwksFetchError) throw fetchFailed(addon.jwksUrl, error.message);
        throw error;
      }
    },
  };
}

/** The portal's "Read now": reads at once, whatever the cool-down, and reports what changed. */
export function readJwksNow(addon: { id: string; jwksUrl: string }, options: JwksPolicyOptions = {}): Promise<JwksSyncReport> {
  return read(addon.id, stateFor(addon.id, addon.jwksUrl), options);
}
