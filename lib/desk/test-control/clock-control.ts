import "server-only";
import type { ClockAnswer } from "@/lib/contract/test-control";
import { clockOffsetMs, iamNow, setClockOffsetMs } from "@/lib/desk/iam/clock";

/** GET clock: the offset and the moment the IAM takes for now. */
export function readClock(): ClockAnswer {
  return { offsetSeconds: Math.round(clockOffsetMs() / 1000), now: new Date(iamNow()).toISOString() };
}

/** PUT clock: from now on the IAM checks tokens and session lifetimes as if at wall clock + offset. */
export function setClockOffset(offsetSeconds: number): ClockAnswer {
  setClockOffsetMs(offsetSeconds * 1000);
  return readClock();
}
