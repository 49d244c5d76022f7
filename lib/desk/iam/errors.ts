/**
 * The IAM server's refusal reasons (DESIGN §3): stable codes integrators can match on, a message
 * saying what happened, and a hint saying what to change. Never the token, never a secret.
 */
export const ASAP_ERROR_CODES = [
  "TOKEN_MALFORMED",
  "TOKEN_TOO_LARGE",
  "ALG_NOT_ALLOWED",
  "SIGNATURE_INVALID",
  "KEY_NOT_FOUND",
  "KEY_REVOKED",
  "TOKEN_NOT_YET_VALID",
  "TOKEN_EXPIRED",
  "VALIDITY_TOO_LONG",
  "CLAIM_MISSING",
  "CLAIM_INVALID",
  "EMAIL_NOT_VERIFIED",
  "TOKEN_REPLAYED",
  "ADDON_NOT_FOUND",
  "JWT_NOT_ENABLED",
  "FLOW_NOT_ENABLED",
  "ORIGIN_NOT_ALLOWED",
  "LEGACY_ENDPOINT_FAILED",
  "RATE_LIMITED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION_FAILED",
  "UNSUPPORTED_MEDIA_TYPE",
  // Help-center API (DESIGN §3, Idempotency-Key):
  "IDEMPOTENCY_KEY_REUSED",
  "CONFLICT",
] as const;

export type AsapErrorCode = (typeof ASAP_ERROR_CODES)[number];

const STATUS: Partial<Record<AsapErrorCode, number>> = {
  ADDON_NOT_FOUND: 404,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  JWT_NOT_ENABLED: 403,
  FLOW_NOT_ENABLED: 403,
  RATE_LIMITED: 429,
  VALIDATION_FAILED: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONFLICT: 409,
  LEGACY_ENDPOINT_FAILED: 502,
};

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
    return STATUS[this.code] ?? 401;
  }

  toJSON() {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}
