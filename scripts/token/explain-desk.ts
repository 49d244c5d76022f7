import { readErrorBody } from "@/lib/contract/error-body";
import { explainAnswerSchema } from "@/lib/contract/test-control";
import type { Explanation } from "@/lib/desk/iam/explanation";
import { DeskError, UsageError } from "./errors";

/**
 * explain against a running Desk simulator, through its test-control API (docs/test-control-api.md):
 * `POST /desk/api/test-control/v1/explain { addonId, token }`. The Desk applies the add-on's own keys,
 * skew, jti rule, clock offset and replay store, and spends nothing.
 */
export const EXPLAIN_PATH = "/desk/api/test-control/v1/explain";

const TIMEOUT_MS = 10_000;

// The Desk's refusals of what this command sent (a wrong flag's value) rather than of its own state.
const CALLER_ERRORS: Record<string, string> = {
  TEST_CONTROL_UNAUTHORIZED: "the Desk refused the control token: check --control-token-env",
  ADDON_NOT_FOUND: "the Desk has no such add-on: check --addon",
  VALIDATION_FAILED: "the Desk refused the request",
};

export function explainUrl(desk: string): URL {
  let base: URL;
  try {
    base = new URL(desk);
  } catch {
    throw new UsageError(`--desk: "${desk}" is not a URL; give the Desk's base URL, e.g. http://127.0.0.1:4010`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") throw new UsageError(`--desk: "${desk}" is not an http(s) URL`);
  return new URL(EXPLAIN_PATH, base);
}

export async function explainOnDesk(desk: string, addonId: string, controlToken: string, token: string): Promise<Explanation> {
  const url = explainUrl(desk);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${controlToken}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ addonId, token }),
      // A redirect would re-send the token being explained (and, same-origin, the bearer) elsewhere.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeskError(`could not reach the Desk at ${url.origin}: ${describeFetchFailure(error)}`);
  }
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DeskError(`the Desk at ${url.origin} answered ${response.status} without JSON: is it the Desk simulator, and is its test-control API on?`);
  }
  if (response.ok) {
    const parsed = explainAnswerSchema.safeParse(body);
    if (!parsed.success) throw new DeskError(`the Desk at ${url.origin} answered ${response.status} with JSON that is not an explanation (${parsed.error.issues[0]?.path.join(".") || "body"})`);
    const { explanation } = parsed.data;
    if (!explanation.outcome.ok && explanation.outcome.code === "ADDON_NOT_FOUND") throw new UsageError(`${CALLER_ERRORS.ADDON_NOT_FOUND}: ${explanation.outcome.message}`);
    return explanation;
  }
  const error = readErrorBody(body);
  const said = error ? `${error.code}: ${error.message}` : `status ${response.status}`;
  const callerError = error && CALLER_ERRORS[error.code];
  if (callerError) throw new UsageError(`${callerError} (${said})`);
  throw new DeskError(`the Desk at ${url.origin} answered ${response.status} (${said})`);
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  // undici puts the system's reason (ECONNREFUSED, ENOTFOUND) in the cause.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return (error as Error).message;
}
