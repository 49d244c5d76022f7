import { readErrorBody, type ErrorDetail } from "@/lib/contract/error-body";
import type { ErrorCodeOf } from "@/lib/contract/errors";

/**
 * Errors as the widget shows and reports them: the Desk's `{ code, message, hint }` body, or one of
 * the widget's own codes below when there is no Desk answer to show. The registry
 * (lib/contract/errors.ts) owns every code: these are checked against it by the compiler (a type-only
 * import, so no description reaches the bundle).
 */
export type WidgetError = ErrorDetail<string>;

export const WIDGET_ERROR_CODES = {
  /** The help desk could not be reached (no answer, or not a JSON one). */
  NETWORK: "NETWORK",
  /** The Desk answered an error without a body saying which. */
  INTERNAL: "INTERNAL",
  /** The page's login callback gave no credential: the app keeps its person a guest, with its reason. */
  TOKEN_UNAVAILABLE: "TOKEN_UNAVAILABLE",
} as const satisfies Record<string, ErrorCodeOf<"widget">>;

export type WidgetErrorCode = (typeof WIDGET_ERROR_CODES)[keyof typeof WIDGET_ERROR_CODES];

export function networkError(): WidgetError {
  return { code: WIDGET_ERROR_CODES.NETWORK, message: "The help desk could not be reached.", hint: "Check your connection and retry." };
}

export function internalError(status: number): WidgetError {
  return { code: WIDGET_ERROR_CODES.INTERNAL, message: `The Desk answered ${status}`, hint: "" };
}

/** An error body's `error` (from the Desk, or in a message), or null when `value` is not one. */
export function asWidgetError(value: unknown): WidgetError | null {
  return readErrorBody({ error: value });
}
