import { describe, expect, it } from "vitest";
import { isKeyLive, keyState, type KeyDates } from "./key-liveness";

const now = new Date("2026-05-01T12:00:00Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

// Every case a key can be in, with whether it is live at `now`.
const KEY_CASES: Array<[string, KeyDates, boolean]> = [
  ["never rotated nor revoked", { revokedAt: null, expiresAt: null }, true],
  ["rotating, its overlap not over", { revokedAt: null, expiresAt: at(1) }, true],
  ["rotated out this very moment", { revokedAt: null, expiresAt: now }, false],
  ["rotated out earlier", { revokedAt: null, expiresAt: at(-60_000) }, false],
  ["revoked", { revokedAt: at(-1), expiresAt: null }, false],
  ["revoked while rotating", { revokedAt: at(-1), expiresAt: at(60_000) }, false],
];

describe("key liveness", () => {
  it.each(KEY_CASES)("a key %s: live is %s", (_label, key, live) => {
    expect(isKeyLive(key, now)).toBe(live);
  });

  it("says why a key is not live, and until when a rotating one works", () => {
    expect(keyState({ revokedAt: at(-1), expiresAt: at(5) }, now)).toEqual({ phase: "revoked", at: at(-1) });
    expect(keyState({ revokedAt: null, expiresAt: at(-5) }, now)).toEqual({ phase: "rotated out", at: at(-5) });
    expect(keyState({ revokedAt: null, expiresAt: at(5) }, now)).toEqual({ phase: "rotating", until: at(5) });
    expect(keyState({ revokedAt: null, expiresAt: null }, now)).toEqual({ phase: "live" });
  });
});
