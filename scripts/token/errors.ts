/**
 * How the token CLI ends, for scripts: each failure is a class with its exit code, and main.ts turns
 * it into one line on stderr. Nothing else decides an exit code.
 */
export const EXIT = {
  /** Done; for explain, the token would be accepted. */
  ok: 0,
  /** explain: the token is refused. */
  refused: 1,
  /** The command line or its input is wrong. */
  usage: 2,
  /** explain --desk: the Desk could not be reached, or did not answer as documented. */
  desk: 3,
  /** A bug in the CLI itself. */
  internal: 4,
} as const;

/** Unknown flag, bad JSON, missing secret, unreadable file, not a JWT: exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode = EXIT.usage;
}

/** The Desk could not be reached or answered unexpectedly: exit 3. */
export class DeskError extends Error {
  override name = "DeskError";
  readonly exitCode = EXIT.desk;
}
