/** The Desk's error body, `{ error: { code, message, hint } }`, as every Desk route answers a failure. */
export type DeskErrorBody = { code: string; message: string; hint: string };

/** The toolkit's own codes, for failures that carry no Desk error body. */
export const TOOLKIT_CODES = {
  /** The request never got an answer: nothing listens at the URL, or the connection failed. */
  unreachable: "DESK_UNREACHABLE",
  /** An answer that is not the control API's JSON: most often another server, or a Desk without the API. */
  unexpected: "UNEXPECTED_ANSWER",
} as const;

/** A control call the Desk refused, or one that got no usable answer; `code` is stable, match on it. */
export class AsapDeskError extends Error {
  override readonly name = "AsapDeskError";
  readonly status: number;
  readonly code: string;
  readonly hint: string;
  /** What the Desk said, as it said it (or the toolkit's account of a missing answer). */
  readonly body: DeskErrorBody;
  /** The call, e.g. `POST /desk/api/test-control/v1/reset`. */
  readonly request: string;

  constructor(request: string, status: number, body: DeskErrorBody, options?: { cause?: unknown }) {
    super(`${request} failed${status ? ` (${status})` : ""}: ${body.code}: ${body.message}${body.hint ? ` ${body.hint}` : ""}`, options);
    this.request = request;
    this.status = status;
    this.body = body;
    this.code = body.code;
    this.hint = body.hint;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The Desk's `{ error: { code, message, hint } }` in an answer's text, or null if it holds none. */
export function readDeskErrorBody(text: string): DeskErrorBody | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const error = isRecord(parsed) ? parsed.error : undefined;
  if (!isRecord(error) || typeof error.code !== "string" || typeof error.message !== "string") return null;
  return { code: error.code, message: error.message, hint: typeof error.hint === "string" ? error.hint : "" };
}

/** The error for a failed answer: the Desk's own body when it sent one, else an UNEXPECTED_ANSWER. */
export function deskErrorFromAnswer(request: string, status: number, text: string): AsapDeskError {
  const body = readDeskErrorBody(text) ?? {
    code: TOOLKIT_CODES.unexpected,
    message: `The answer is not the Desk's error body: ${JSON.stringify(text.slice(0, 120))}.`,
    hint:
      status === 404
        ? "Is this the Desk simulator's URL, and does that Desk have the test-control API (a recent asap-jwt-helpcenter)?"
        : "Check that the URL names the Desk simulator, not another server.",
  };
  return new AsapDeskError(request, status, body);
}

/** The error for a request that got no answer at all. */
export function deskUnreachable(request: string, baseUrl: string, cause: unknown): AsapDeskError {
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new AsapDeskError(
    request,
    0,
    {
      code: TOOLKIT_CODES.unreachable,
      message: `No answer from ${baseUrl}: ${reason}.`,
      hint: "Start the Desk simulator (npm run desk:simulator -- --port …) and set ASAP_DESK_URL to its URL.",
    },
    { cause },
  );
}
