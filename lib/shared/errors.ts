import { logError } from "./log-error";

/**
 * One typed error with a stable machine code. Route handlers map it to HTTP with `toResponse()`;
 * anything else is logged on the server and answered as a generic 500, never with its message or stack.
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly hint?: string,
  ) {
    super(message);
  }

  toResponse(headers?: HeadersInit): Response {
    const body = { error: { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) } };
    return Response.json(body, { status: this.status, headers });
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  logError("Unhandled error in route handler:", error);
  return new AppError("INTERNAL", "Something went wrong on our side.", 500).toResponse();
}
