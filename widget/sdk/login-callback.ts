/** The page's login callback, as the vendor's API defines it: `(success, failure) => void`. */
export type LoginCallback = (success: (token: unknown) => void, failure: (reason?: unknown) => void) => void;

function describe(reason: unknown): string {
  const message = typeof reason === "object" && reason !== null ? (reason as { message?: unknown }).message : undefined;
  return message ? String(message) : String(reason);
}

/**
 * Calls the page's login callback once and reports exactly one outcome, whichever of success,
 * failure or a throw comes first: a credential, or why there is none.
 */
export function callLoginCallback(callback: LoginCallback, outcome: { token(token: string): void; failed(message: string): void }): void {
  let settled = false;
  const once =
    <T>(handler: (value: T) => void) =>
    (value: T) => {
      if (settled) return;
      settled = true;
      handler(value);
    };
  const failed = once((reason: unknown) => outcome.failed(describe(reason)));
  const success = once((token: unknown) => {
    if (typeof token === "string" && token) outcome.token(token);
    else outcome.failed("the login callback gave no token");
  });
  try {
    callback(success, failed);
  } catch (error) {
    failed(error);
  }
}
