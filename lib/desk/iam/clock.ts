import "server-only";
import { isTestControlEnabled } from "@/lib/desk/test-control/gate";

/**
 * The IAM's "now": token checks, key liveness, replay expiry and ASAP session lifetimes all read it.
 * It is the wall clock, moved by the test-control API's offset (PUT clock) so that tests can reach
 * expiry and skew without waiting; with the API off the offset is always 0.
 *
 * The offset is this process's state, kept on globalThis because Next.js may load this module once
 * per route bundle: a Desk of several processes would each have their own (the simulator is one).
 */
const OFFSET = Symbol.for("asap-jwt-helpcenter.iam-clock-offset-ms");
const holder = globalThis as { [OFFSET]?: number };

export function clockOffsetMs(): number {
  return isTestControlEnabled() ? (holder[OFFSET] ?? 0) : 0;
}

/** Milliseconds since the epoch, as the IAM sees them. */
export function iamNow(): number {
  return Date.now() + clockOffsetMs();
}

export function iamDate(): Date {
  return new Date(iamNow());
}

/** Only the test-control API moves the clock (lib/desk/test-control/clock-control.ts). */
export function setClockOffsetMs(offsetMs: number): void {
  holder[OFFSET] = offsetMs;
}
