import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/shared/env";
import { TestControlError } from "./errors";

/**
 * Whether the test-control API is on: only with DESK_TEST_CONTROL_TOKEN, and in production only
 * with DESK_TEST_CONTROL_IN_PRODUCTION=true as well (the simulator runs a production build).
 * `source` is for tests; the app always asks about its own environment.
 */
export function isTestControlEnabled(source: Pick<typeof env, "NODE_ENV" | "DESK_TEST_CONTROL_TOKEN" | "DESK_TEST_CONTROL_IN_PRODUCTION"> = env): boolean {
  if (!source.DESK_TEST_CONTROL_TOKEN) return false;
  return source.NODE_ENV !== "production" || source.DESK_TEST_CONTROL_IN_PRODUCTION;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Every test-control call passes here first: 404 while the API is off, 401 without the bearer. The
 * bearer is compared as SHA-256 digests in constant time, so neither its content nor its length
 * shows in the timing.
 */
export function checkControlAccess(headers: Headers): void {
  const token = env.DESK_TEST_CONTROL_TOKEN;
  if (!token || !isTestControlEnabled()) {
    throw new TestControlError("TEST_CONTROL_DISABLED", "The test-control API is off on this Desk.", "Start the Desk with DESK_TEST_CONTROL_TOKEN (the simulator command does).");
  }
  const presented = /^Bearer (\S{1,1024})$/.exec(headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(token))) {
    throw new TestControlError("TEST_CONTROL_UNAUTHORIZED", "The test-control token is missing or wrong.", "Send Authorization: Bearer <DESK_TEST_CONTROL_TOKEN>.");
  }
}
