import { mintAsapToken, type AsapClaims, type MintOptions } from "asap-playwright";
import type { Key } from "@/lib/contract/test-control";
import { loginToAsap } from "@/lib/desk/iam/login";
import { TestControlError } from "@/lib/desk/test-control/errors";

// For the test-control API's tests below HTTP. Each file turns the API on before its imports:
//   vi.hoisted(() => { process.env.DESK_TEST_CONTROL_TOKEN = CONTROL_TOKEN; });

/** A login as the widget's backend makes it (no Origin: not a browser), with a token minted for `key`. */
export async function loginWith(addonId: string, key: Key, claims: AsapClaims = {}, options: MintOptions = {}) {
  const token = await mintAsapToken(claims, key, options);
  return loginToAsap({ addonId, token, clientIp: "203.0.113.9", origin: null, deskOrigin: "http://127.0.0.1:4010" });
}

/** The TestControlError a call is refused with; fails the test if it succeeds or throws anything else. */
export async function controlRefusal(promise: Promise<unknown>): Promise<TestControlError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TestControlError) return error;
    throw error;
  }
  throw new Error("expected a TestControlError");
}
