import "server-only";
import { fetch, type Response } from "undici";
import { env } from "@/lib/shared/env";
import { describeRange } from "./endpoint-address";
import { checkHost, guardedAgent, RefusedAddressError, systemResolver, type ConnectionPolicy, type HostResolver } from "./endpoint-connection";
import { AsapError } from "./errors";
import { readCappedBody } from "@/lib/shared/http/capped-body";

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

const refused = (error: RefusedAddressError) =>
  failed(
    `its host ${error.host} is or resolves to a ${describeRange(error.range)} address, which the Desk does not call`,
    "Give the endpoint's public URL. (For local development only, DESK_ALLOW_PRIVATE_ENDPOINTS=true lets the Desk call loopback and private addresses.)",
  );

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

/** A failure of the request or its body: our own refusals, the timeout, or the network. */
function transportFailure(error: unknown): AsapError {
  if (error instanceof AsapError) return error;
  if (error instanceof RefusedAddressError) return refused(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof RefusedAddressError) return refused(cause);
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return failed(`no answer within ${LEGACY_TIMEOUT_MS / 1000} s (timeout)`, "Make the endpoint answer quickly; it is called on every legacy login.");
  }
  return failed("it could not be reached (network error)", "Check that the endpoint URL is right and the server is up.");
}

/** Rejects with the signal's reason once it aborts: bounds the steps that take no signal (DNS). */
function within<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

async function readBounded(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > LEGACY_MAX_BODY_BYTES) throw failed(`the answer is ${declared} bytes, longer than ${LEGACY_MAX_BODY_BYTES} bytes`, "Answer with the JWT alone.");
  const body = await readCappedBody(response.body, LEGACY_MAX_BODY_BYTES);
  if (!body) throw failed(`the answer is longer than ${LEGACY_MAX_BODY_BYTES} bytes`, "Answer with the JWT alone.");
  return Buffer.from(body).toString("utf8");
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
  // One agent per call: its connections are checked for this endpoint and closed with the answer.
  const agent = guardedAgent(policy, LEGACY_TIMEOUT_MS);
  try {
    const signal = AbortSignal.timeout(LEGACY_TIMEOUT_MS);
    let response: Response;
    let body: string;
    try {
      await within(checkHost(url, policy), signal);
      response = await fetch(url, {
        method: "GET",
        redirect: "manual",
        headers: { Accept: "application/jwt, text/plain, application/json" },
        signal,
        dispatcher: agent,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        throw failed(`it answered a redirect (${response.status}), which is not followed`, "Configure the endpoint's final URL.");
      }
      body = await readBounded(response);
    } catch (error) {
      throw transportFailure(error);
    }
    if (!response.ok) throw failed(`it answered HTTP ${response.status}`, "Check the endpoint's logs: it must answer 200 with the JWT for a valid user token.");
    return tokenFrom(body, response.headers.get("content-type") ?? "");
  } finally {
    agent.destroy().catch(() => {});
  }
}
