import type { ErrorCodeOf } from "@/lib/contract/errors";

/**
 * A write the agent console refuses, with a stable code (lib/contract/errors.ts, raised by
 * "console"), a message saying what happened and a hint saying what to do. Never an HTTP answer:
 * the console's server actions turn it into words on the form.
 */
export type ConsoleErrorCode = ErrorCodeOf<"console">;

export class ConsoleError extends Error {
  override name = "ConsoleError";

  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
