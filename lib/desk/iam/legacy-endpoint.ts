import "server-only";
import { env } from "@/lib/shared/env";
import { systemResolver, type ConnectionPolicy, type HostResolver } from "./endpoint-connection";
import { AsapError } from "./errors";
import { fetchFromIntegrator, IntegratorFetchError, type IntegratorAnswer, type IntegratorFetchFailure } from "./integrator-fetch";

/**
 * Legacy flow: the IAM server's call to the business's JWT endpoint, `GET {endpoint}?user_token=…`.
 * Only to the URL the admin configured (http or https, its host unchanged), only to public addresses
 * (./endpoint-connection: checked before the request and again at the connection), with a tight
 * timeout, no redirects followed and a bounded body, so the Desk cannot be made a proxy into its own
 * network or held up by a slow or hostile endpoint. Every failure is LEGACY_ENDPOINT_FAILED with one
 * generic public message: what answered, and how, is for the add-on's admin in the login log only.
 */
export const LEGACY_TIMEOUT_MS = 3_000;
export const LEGACY_MAX_BODY_BYTES = 16 * 1024;

export type LegacyFetchOptions = {
  /** Call loopback and private addresses too. Default: the Desk-wide DESK_ALLOW_PRIVATE_ENDPOINTS. */
  allowPrivateAddresses?: boolean;
  /** How host names become addresses. Default: the system resolver; tests stand in their own DNS. */
  resolve?: HostResolver;
};

function failed(cause: string, hint: string): AsapError {
  return new AsapError("LEGACY_ENDPOINT_FAILED", "Your app's login service did not answer as expected.", "The site's administrator can see why in the Desk portal's login log.", {
    logDetail: `The business's JWT endpoint failed: ${cause}. ${hint}`,
  });
}

/** The hint for each way the call can fail: what the admin can change. */
const FETCH_HINTS: Record<IntegratorFetchFailure["kind"], string> = {
  "refused address":
    "Give the endpoint's public URL. (For local development only, DESK_ALLOW_PRIVATE_ENDPOINTS=true lets the Desk call loopback and private addresses.)",
  timeout: "Make the endpoint answer quickly; it is called on every legacy login.",
  redirect: "Configure the endpoint's final URL.",
  "too large": "Answer with the JWT alone.",
  network: "Check that the endpoint URL is right and the server is up.",
};

export function legacyEndpointRequestUrl(endpointUrl: string, userToken: string): URL {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw failed("the configured endpoint is not a URL", "Set the legacy JWT endpoint URL in the add-on's settings.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw failed(`the configured endpoint is not an http(s) URL (${url.protocol})`, "Only http and https endpoints are called.");
  }
  const host = url.host;
  url.searchParams.set("user_token", userToken);
  if (url.host !== host) throw failed("the request URL left the configured host", "Check the endpoint URL.");
  return url;
}

/** The JWT from the endpoint's answer: the token as text, or JSON `{ "token": "…" }` (or `jwt`). */
function tokenFrom(body: string, contentType: string): string {
  const text = body.trim();
  if (contentType.includes("json") || text.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw failed("the answer is not valid JSON", "Answer with the JWT as text, or as JSON { \"token\": \"…\" }.");
    }
    const candidate = typeof parsed === "object" && parsed !== null ? ((parsed as Record<string, unknown>).token ?? (parsed as Record<string, unknown>).jwt) : undefined;
    if (typeof candidate !== "string" || !candidate) throw failed("the JSON answer has no token", 'Answer with JSON { "token": "…" }.');
    return candidate;
  }
  if (!text) throw failed("the answer is empty", "Answer with the user's JWT.");
  return text;
}

export async function fetchLegacyJwt(endpointUrl: string, userToken: string, options: LegacyFetchOptions = {}): Promise<string> {
  const url = legacyEndpointRequestUrl(endpointUrl, userToken);
  const policy: ConnectionPolicy = {
    allowPrivateAddresses: options.allowPrivateAddresses ?? env.DESK_ALLOW_PRIVATE_ENDPOINTS,
    resolve: options.resolve ?? systemResolver,
  };
  let answer: IntegratorAnswer;
  try {
    answer = await fetchFromIntegrator(url, { policy, timeoutMs: LEGACY_TIMEOUT_MS, maxBodyBytes: LEGACY_MAX_BODY_BYTES, accept: "application/jwt, text/plain, application/json" });
  } catch (error) {
    if (!(error instanceof IntegratorFetchError)) throw error;
    throw failed(error.message, FETCH_HINTS[error.failure.kind]);
  }
  if (answer.status < 200 || answer.status > 299) {
    throw failed(`it answered HTTP ${answer.status}`, "Check the endpoint's logs: it must answer 200 with the JWT for a valid user token.");
  }
  return tokenFrom(answer.body, answer.contentType);
}
