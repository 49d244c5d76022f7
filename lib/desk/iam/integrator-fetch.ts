import "server-only";
import { fetch, type Response } from "undici";
import { readCappedBody } from "@/lib/shared/http/capped-body";
import { describeRange } from "./endpoint-address";
import { checkHost, guardedAgent, RefusedAddressError, type ConnectionPolicy } from "./endpoint-connection";

/**
 * One GET to a URL an integrator configured (the legacy JWT endpoint, a JWKS): only to public
 * addresses (./endpoint-connection checks before the request and again at the connection), with a
 * tight timeout, no redirect followed and a bounded body, so the Desk cannot be made a proxy into
 * its own network or held up by a slow or hostile server. Callers turn the failure's kind into their
 * own error and hint.
 */
export type IntegratorFetchFailure =
  | { kind: "refused address"; host: string; range: string }
  | { kind: "timeout"; ms: number }
  | { kind: "redirect"; status: number }
  | { kind: "too large"; bytes: number | null; limit: number }
  | { kind: "network" };

export class IntegratorFetchError extends Error {
  override name = "IntegratorFetchError";
  constructor(readonly failure: IntegratorFetchFailure) {
    super(describeFetchFailure(failure));
  }
}

/** What went wrong, for an admin's eyes (the login log): never the address a name resolved to. */
export function describeFetchFailure(failure: IntegratorFetchFailure): string {
  switch (failure.kind) {
    case "refused address":
      return `its host ${failure.host} is or resolves to a ${describeRange(failure.range)} address, which the Desk does not call`;
    case "timeout":
      return `no answer within ${failure.ms / 1000} s (timeout)`;
    case "redirect":
      return `it answered a redirect (${failure.status}), which is not followed`;
    case "too large":
      return failure.bytes === null ? `the answer is longer than ${failure.limit} bytes` : `the answer is ${failure.bytes} bytes, longer than ${failure.limit} bytes`;
    case "network":
      return "it could not be reached (network error)";
  }
}

export type IntegratorFetchOptions = {
  policy: ConnectionPolicy;
  timeoutMs: number;
  maxBodyBytes: number;
  accept: string;
};

export type IntegratorAnswer = { status: number; contentType: string; body: string };

/** Rejects with the signal's reason once it aborts: bounds the steps that take no signal (DNS). */
function within<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

function failureOf(error: unknown, timeoutMs: number): IntegratorFetchFailure {
  if (error instanceof IntegratorFetchError) return error.failure;
  const refused = error instanceof RefusedAddressError ? error : error instanceof Error && error.cause instanceof RefusedAddressError ? error.cause : null;
  if (refused) return { kind: "refused address", host: refused.host, range: refused.range };
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return { kind: "timeout", ms: timeoutMs };
  return { kind: "network" };
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new IntegratorFetchError({ kind: "too large", bytes: declared, limit: maxBytes });
  const body = await readCappedBody(response.body, maxBytes);
  if (!body) throw new IntegratorFetchError({ kind: "too large", bytes: null, limit: maxBytes });
  return Buffer.from(body).toString("utf8");
}

/** The answer, whatever its status; throws IntegratorFetchError when there is none to read. */
export async function fetchFromIntegrator(url: URL, options: IntegratorFetchOptions): Promise<IntegratorAnswer> {
  // One agent per call: its connections are checked for this URL and closed with the answer.
  const agent = guardedAgent(options.policy, options.timeoutMs);
  try {
    const signal = AbortSignal.timeout(options.timeoutMs);
    await within(checkHost(url, options.policy), signal);
    const response = await fetch(url, { method: "GET", redirect: "manual", headers: { Accept: options.accept }, signal, dispatcher: agent });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new IntegratorFetchError({ kind: "redirect", status: response.status });
    }
    const body = await readBounded(response, options.maxBodyBytes);
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body };
  } catch (error) {
    throw error instanceof IntegratorFetchError ? error : new IntegratorFetchError(failureOf(error, options.timeoutMs));
  } finally {
    agent.destroy().catch(() => {});
  }
}
