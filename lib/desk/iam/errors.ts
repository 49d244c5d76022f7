import type { ErrorDetail } from "@/lib/contract/error-body";
import { httpStatus, type HttpErrorCodeOf } from "@/lib/contract/errors";

/**
 * The Desk's typed error (DESIGN §3): a stable code integrators can match on, a message saying what
 * happened, and a hint saying what to change. Never the token, never a secret. The codes, and the
 * status each is answered with, are the contract's (lib/contract/errors.ts).
 */
export type AsapErrorCode = HttpErrorCodeOf<"desk">;

export type AsapErrorExtras = {
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfterSeconds?: number;
  /**
   * What the login log (the integrator's view in the portal) should say instead of the public
   * message: details that must not reach an anonymous caller, such as what answered at an address.
   */
  logDetail?: string;
};

export class AsapError extends Error {
  override name = "AsapError";
  readonly retryAfterSeconds?: number;
  readonly logDetail?: string;

  constructor(
    readonly code: AsapErrorCode,
    message: string,
    readonly hint: string,
    extras: AsapErrorExtras = {},
  ) {
    super(message);
    this.retryAfterSeconds = extras.retryAfterSeconds;
    this.logDetail = extras.logDetail;
  }

  get status(): number {
    return httpStatus("desk", this.code);
  }

  toJSON(): ErrorDetail<AsapErrorCode> {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}
