/**
 * Every error code the system raises, in one place: who raises it, with which HTTP status, and what
 * it means. Integrators match on these strings, so a code never changes meaning. Over HTTP a failure
 * is always the body `{ error: { code, message, hint } }` (./error-body): never a token, a secret or
 * a stack.
 *
 * The README's table is generated from this list (`npx tsx scripts/docs/error-codes.ts --write`), and
 * tests keep the README and every code the source emits in step with it.
 */

/**
 * Who raises a code: the Desk (its API and IAM), the Desk's test-control API (docs/test-control-api.md,
 * the simulator's knobs for test suites), the Desk's agent console (refusals its forms show, through
 * server actions: never an HTTP answer), the business site (its ASAP endpoints and server code), the
 * widget in the browser, or the loopback proxy of `npm run start:cluster`.
 */
export type Side = "desk" | "test-control" | "console" | "site" | "widget" | "proxy";

/** `by`: for each side that raises the code, the HTTP status it answers with (null: not an HTTP answer). */
type Entry = { by: Partial<Record<Side, number | null>>; description: string };

export const ERROR_CODES = {
  // The Desk's login (IAM): the token's checks, in the order the verifier runs them.
  TOKEN_TOO_LARGE: { by: { desk: 401 }, description: "The token is over 8 KiB." },
  TOKEN_MALFORMED: { by: { desk: 401 }, description: "The token is not a strict compact JWS: its format, base64url, header or payload JSON." },
  ALG_NOT_ALLOWED: {
    by: { desk: 401 },
    description: "The token's alg is not HS256, ES256 or EdDSA, or is not the algorithm of the key it names (a key's algorithm is fixed by its type).",
  },
  KEY_NOT_FOUND: {
    by: { desk: 401, "test-control": 404 },
    description: "Login: no key of the add-on has the token's kid, or (without kid) the add-on has no live key. Test control: the add-on has no key with that kid.",
  },
  KEY_REVOKED: { by: { desk: 401 }, description: "The token's kid names a revoked key, or one rotated out (the hint says which)." },
  SIGNATURE_INVALID: { by: { desk: 401 }, description: "The signature does not match the kid's key (without kid: any live key of the add-on)." },
  CLAIM_MISSING: { by: { desk: 401 }, description: "A required claim is absent (the message names it)." },
  CLAIM_INVALID: { by: { desk: 401 }, description: "A claim has the wrong type or form, e.g. not_before in seconds rather than milliseconds." },
  EMAIL_NOT_VERIFIED: {
    by: { desk: 401, site: 403 },
    description: "The Desk: the token's email_verified is not true. The site: its user has not confirmed their email address.",
  },
  VALIDITY_TOO_LONG: { by: { desk: 401 }, description: "not_after is more than 10 minutes after not_before." },
  TOKEN_NOT_YET_VALID: { by: { desk: 401 }, description: "not_before is in the future, beyond the add-on's clock skew." },
  TOKEN_EXPIRED: { by: { desk: 401 }, description: "not_after has passed, beyond the add-on's clock skew." },
  TOKEN_REPLAYED: { by: { desk: 401 }, description: "The token's jti was already used to log in to this add-on." },
  // The Desk's login: the add-on and the request.
  ADDON_NOT_FOUND: { by: { desk: 404, "test-control": 404 }, description: "There is no add-on with the given id." },
  JWT_NOT_ENABLED: { by: { desk: 403 }, description: "The add-on is in anonymous mode: it accepts no logins." },
  FLOW_NOT_ENABLED: { by: { desk: 403 }, description: "The flow used (new: a JWT; legacy: a user token) is switched off for the add-on." },
  ORIGIN_NOT_ALLOWED: { by: { desk: 403 }, description: "The page logging in is not one of the add-on's allowed origins." },
  JWKS_FETCH_FAILED: { by: { desk: 502 }, description: "The token's kid is not among the add-on's keys, and its JWKS URL could not be fetched or read; the login log says why." },
  LEGACY_ENDPOINT_FAILED: { by: { desk: 502 }, description: "The business's JWT endpoint (legacy flow) failed; the portal's login log says how." },
  RATE_LIMITED: { by: { desk: 429 }, description: "Too many failed logins, or guest submissions, from one source; Retry-After says when to retry." },
  // Every HTTP API.
  UNAUTHENTICATED: { by: { desk: 401, site: 401 }, description: "No session, or one that has expired or was revoked: sign in or log in again." },
  FORBIDDEN: { by: { site: 403 }, description: "The site refuses a cross-site request for an ASAP credential, an upload or a view count." },
  NOT_FOUND: { by: { desk: 404, console: null, site: 404 }, description: "No such resource, or one that belongs to someone else (the two look the same)." },
  VALIDATION_FAILED: {
    by: { desk: 400, "test-control": 400, console: null, site: 400 },
    description: "The request (or a console form) breaks its schema, or holds ill-formed Unicode; the message names the field.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    by: { desk: 415, "test-control": 415 },
    description: "A request body that is not sent as application/json, or an upload's that is not application/octet-stream.",
  },
  IDEMPOTENCY_KEY_REUSED: { by: { desk: 422 }, description: "The Idempotency-Key was used before with a different request body." },
  CONFLICT: {
    by: { desk: 409, "test-control": 409 },
    description: "The request cannot apply to the resource's state, e.g. a message to a chat that has ended, or an add-on id or kid already taken.",
  },
  // Satisfaction ratings of closed tickets and ended chats.
  NOT_YET_RATABLE: { by: { desk: 409 }, description: "A rating for a ticket that is not closed, or a chat that has not ended: only those can be rated." },
  RATING_FINAL: { by: { desk: 409 }, description: "The rating was already changed once, the one change allowed: it stays as it is." },
  // Guest continuity: linking what a guest started to the account they signed in to.
  GUEST_LINK_GONE: {
    by: { desk: 410 },
    description:
      "A guest's chat or ticket cannot be linked with the token given: the token is unknown or already used, or the chat has ended. Nothing says which.",
  },
  INTERNAL: {
    by: { desk: 500, "test-control": 500, widget: null },
    description: "An unexpected failure, logged on the server. The widget says it too when the Desk's error answer has no code.",
  },
  // Article authoring in the agent console: refused saves, shown on the form beside what was typed.
  ARTICLE_SLUG_TAKEN: { by: { console: null }, description: "Another article already has the slug (or the id) an article was to be saved under." },
  ARTICLE_EDIT_CONFLICT: {
    by: { console: null },
    description: "An article was saved from a version another agent has changed since: nothing is overwritten; reload to see their changes.",
  },
  // Attachments (docs/attachments.md): refused by the Desk, and by the site and the widget before they send a file.
  FILE_TOO_LARGE: {
    by: { desk: 413, site: 413, widget: null },
    description: "A file is over the size limit for attachments (ATTACHMENT_MAX_BYTES, 10 MiB unless configured); the message says the limit.",
  },
  FILE_TYPE_NOT_ALLOWED: {
    by: { desk: 415, site: 415, widget: null },
    description: "A file's content is not an allowed kind (images, PDF, text and logs, ZIP), whatever its name says; HTML, XML and SVG are refused.",
  },
  FILE_DAMAGED: { by: { desk: 422, site: 422 }, description: "A file is of an allowed kind but does not read whole, e.g. a truncated image, or it is empty." },
  // The Desk's test-control API (docs/test-control-api.md).
  TEST_CONTROL_DISABLED: {
    by: { "test-control": 404 },
    description: "The test-control API is off: DESK_TEST_CONTROL_TOKEN is unset (or, in production, DESK_TEST_CONTROL_IN_PRODUCTION is not true).",
  },
  TEST_CONTROL_UNAUTHORIZED: { by: { "test-control": 401 }, description: "A test-control call without `Authorization: Bearer` and the Desk's control token." },
  SIMULATOR_NOT_CONFIGURED: {
    by: { "test-control": 409 },
    description: "A reset on a Desk started without a simulator configuration (DESK_SIMULATOR_CONFIG): there is no configured state to restore.",
  },
  // The site's legacy JWT endpoint, called by the Desk.
  USER_TOKEN_INVALID: { by: { site: 401 }, description: "The legacy flow's user token is unknown, expired or already used." },
  // Raised inside the site's server: never an HTTP answer of its own.
  DESK_UNREACHABLE: { by: { site: null }, description: "The site's server could not reach the Desk's API; its help pages say the help center is not answering." },
  MAIL_NOT_SENT: { by: { site: null }, description: "The site could not hand an email to its SMTP server; the form asks the user to try again." },
  // The widget, in the browser, when there is no Desk answer to show.
  NETWORK: { by: { widget: null }, description: "The widget could not reach the Desk, or got an answer that is not the Desk's JSON." },
  TOKEN_UNAVAILABLE: { by: { widget: null }, description: "The page's login callback gave no credential: the person stays a guest, with the app's reason." },
  // `npm run start:cluster`'s loopback proxy.
  BAD_GATEWAY: { by: { proxy: 502 }, description: "No app instance behind the cluster proxy answered." },
} as const satisfies Record<string, Entry>;

type Registry = typeof ERROR_CODES;
export type ErrorCode = keyof Registry;

/** The codes a side raises. */
export type ErrorCodeOf<S extends Side> = { [C in ErrorCode]: S extends keyof Registry[C]["by"] ? C : never }[ErrorCode];

/** The codes a side answers over HTTP, each with its status. */
export type HttpErrorCodeOf<S extends Side> = { [C in ErrorCode]: Registry[C]["by"] extends { [K in S]: number } ? C : never }[ErrorCode];

export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** What each side raises, as entries of `by`: the README's table reads them. */
export function raisers(code: ErrorCode): Array<[Side, number | null]> {
  return Object.entries(ERROR_CODES[code].by) as Array<[Side, number | null]>;
}

export function errorCodesOf<S extends Side>(side: S): ErrorCodeOf<S>[] {
  return ALL_ERROR_CODES.filter((code) => raisers(code).some(([by]) => by === side)) as ErrorCodeOf<S>[];
}

/** The HTTP status `side` answers `code` with. */
export function httpStatus<S extends Side>(side: S, code: HttpErrorCodeOf<S>): number {
  const status = raisers(code).find(([by]) => by === side)?.[1];
  if (typeof status !== "number") throw new Error(`${code} has no HTTP status for ${side}`);
  return status;
}
