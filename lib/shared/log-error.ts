/**
 * Unexpected errors, as one short line for the server log. Prisma's messages quote the failed call
 * with code from the bundled chunk (33 KB for one bad string), so Prisma errors are logged by class and
 * code only; any other message is put on one line and cut. Stacks are never logged: they name bundle
 * internals and help nobody reading a production log.
 */
export const MAX_LOGGED_MESSAGE = 300;

type PrismaLike = Error & { code?: unknown; errorCode?: unknown };

// By name rather than instanceof: this module stays free of the Prisma client (and safe anywhere).
const isPrismaError = (error: Error): error is PrismaLike => error.name.startsWith("PrismaClient");

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().toWellFormed();
  return line.length > MAX_LOGGED_MESSAGE ? `${line.slice(0, MAX_LOGGED_MESSAGE - 1)}…` : line;
}

export function summarizeError(error: unknown): string {
  if (error instanceof Error) {
    if (isPrismaError(error)) {
      const code = error.code ?? error.errorCode;
      return typeof code === "string" ? `${error.name} ${code}` : error.name;
    }
    return oneLine(`${error.name}: ${error.message}`);
  }
  try {
    return oneLine(String(error));
  } catch {
    return "(an unprintable value was thrown)";
  }
}

/** Logs an unexpected error under a context label, bounded: `[desk api] TypeError: …`. */
export function logError(context: string, error: unknown): void {
  console.error(`${context} ${summarizeError(error)}`);
}
