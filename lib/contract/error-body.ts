import type { ErrorCode } from "./errors";

/**
 * The error body every failed HTTP answer carries, `{ error: { code, message, hint } }`: the message
 * says what happened, the hint what to change. Apart from the registry (./errors), so that a client
 * reading bodies, such as the widget's bundle, does not carry every code's description.
 */

/** An error as it travels: in a body's `error`, in the widget's messages, in the login log. */
export type ErrorDetail<C extends string = ErrorCode> = { code: C; message: string; hint: string };

/** Every failed HTTP answer's body. */
export type ErrorBody<C extends string = ErrorCode> = { error: ErrorDetail<C> };

export function errorBody<C extends ErrorCode>(code: C, message: string, hint: string): ErrorBody<C> {
  return { error: { code, message, hint } };
}

/**
 * The `error` of a failed answer's body as a client reads it, or null when the body is not one. The
 * code is any string: a newer server may know codes this client does not. A missing hint reads as "".
 */
export function readErrorBody(body: unknown): ErrorDetail<string> | null {
  const error = body && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== "object") return null;
  const { code, message, hint } = error as Record<string, unknown>;
  if (typeof code !== "string" || !code || typeof message !== "string") return null;
  return { code, message, hint: typeof hint === "string" ? hint : "" };
}
