import { afterEach, describe, expect, it, vi } from "vitest";
import { mintAsapToken } from "asap-playwright";
import { clockOffsetMs, iamNow } from "@/lib/desk/iam/clock";
import { explainToken } from "@/lib/desk/iam/explain-token";
import { findSession } from "@/lib/desk/sessions/asap-sessions";
import { env } from "@/lib/shared/env";
import { refusal } from "@/test/integration/callers";
import { controlRefusal, loginWith } from "@/test/integration/test-control";
import { readClock, setClockOffset } from "./clock-control";
import { checkControlAccess, isTestControlEnabled } from "./gate";
import { provisionAddon } from "./provision";

const TOKEN = vi.hoisted(() => {
  const token = "clock-int-test-control-token-0123456789abcdef";
  process.env.DESK_TEST_CONTROL_TOKEN = token;
  return token;
});

const HOUR = 3600;
const newAddon = () => provisionAddon({ origins: [], clockSkewSeconds: 60 });

afterEach(() => {
  setClockOffset(0);
});

describe("the IAM's clock offset", () => {
  it("lets a token that expired an hour ago pass when the clock is set an hour back", async () => {
    const { addon, key } = await newAddon();
    const anHourAgo = Date.now() - HOUR * 1000;
    expect((await refusal(loginWith(addon.id, key, {}, { now: anHourAgo }))).code).toBe("TOKEN_EXPIRED");
    setClockOffset(-HOUR);
    await expect(loginWith(addon.id, key, {}, { now: anHourAgo })).resolves.toBeDefined();
  });

  it("refuses a token valid right now with TOKEN_EXPIRED when the clock is set an hour ahead", async () => {
    const { addon, key } = await newAddon();
    setClockOffset(HOUR);
    expect((await refusal(loginWith(addon.id, key))).code).toBe("TOKEN_EXPIRED");
    setClockOffset(0);
    await expect(loginWith(addon.id, key)).resolves.toBeDefined();
  });

  it("moves the skew boundary: a token starting 30 s ahead passes, 90 s ahead is not yet valid (skew 60 s)", async () => {
    const { addon, key } = await newAddon();
    setClockOffset(-30);
    await expect(loginWith(addon.id, key, {}, { now: Date.now() })).resolves.toBeDefined();
    setClockOffset(-90);
    expect((await refusal(loginWith(addon.id, key, {}, { now: Date.now() }))).code).toBe("TOKEN_NOT_YET_VALID");
  });

  it("ends a session whose lifetime has passed on the moved clock", async () => {
    const { addon, key } = await newAddon();
    const { session } = await loginWith(addon.id, key);
    expect(await findSession(session.token)).not.toBeNull();
    setClockOffset(HOUR + 1);
    expect(await findSession(session.token)).toBeNull();
    setClockOffset(0);
    expect(await findSession(session.token)).not.toBeNull();
  });

  it("still refuses a spent jti when the clock is moved back, as long as the token passes there", async () => {
    const { addon, key } = await newAddon();
    const anHourAgo = Date.now() - HOUR * 1000;
    setClockOffset(-HOUR);
    await loginWith(addon.id, key, { jti: "spent-once" }, { now: anHourAgo });
    expect((await refusal(loginWith(addon.id, key, { jti: "spent-once" }, { now: anHourAgo }))).code).toBe("TOKEN_REPLAYED");
  });

  it("is what the debugger checks against too", async () => {
    const { addon, key } = await newAddon();
    const token = await mintAsapToken({}, key, { now: Date.now() - HOUR * 1000 });
    expect((await explainToken(addon.id, token)).outcome).toMatchObject({ ok: false, code: "TOKEN_EXPIRED" });
    setClockOffset(-HOUR);
    expect((await explainToken(addon.id, token)).outcome).toMatchObject({ ok: true });
  });

  it("reads back the offset and the IAM's now", () => {
    const answer = setClockOffset(-120);
    expect(answer.offsetSeconds).toBe(-120);
    expect(Math.abs(new Date(answer.now).getTime() - (Date.now() - 120_000))).toBeLessThan(2_000);
    expect(readClock().offsetSeconds).toBe(-120);
  });
});

describe("switching the test-control API on and off", () => {
  const withEnv = (changes: Partial<typeof env>, work: () => void) => {
    const before = { ...env };
    Object.assign(env, changes);
    try {
      work();
    } finally {
      Object.assign(env, before);
    }
  };
  const headers = (authorization?: string) => new Headers(authorization ? { authorization } : {});

  it("is on with a token outside production, and in production only with DESK_TEST_CONTROL_IN_PRODUCTION=true", () => {
    expect(isTestControlEnabled({ NODE_ENV: "test", DESK_TEST_CONTROL_TOKEN: TOKEN, DESK_TEST_CONTROL_IN_PRODUCTION: false })).toBe(true);
    expect(isTestControlEnabled({ NODE_ENV: "test", DESK_TEST_CONTROL_TOKEN: undefined, DESK_TEST_CONTROL_IN_PRODUCTION: true })).toBe(false);
    expect(isTestControlEnabled({ NODE_ENV: "production", DESK_TEST_CONTROL_TOKEN: TOKEN, DESK_TEST_CONTROL_IN_PRODUCTION: false })).toBe(false);
    expect(isTestControlEnabled({ NODE_ENV: "production", DESK_TEST_CONTROL_TOKEN: TOKEN, DESK_TEST_CONTROL_IN_PRODUCTION: true })).toBe(true);
  });

  it("refuses every call with TEST_CONTROL_DISABLED while off, even one with the right bearer", () => {
    withEnv({ DESK_TEST_CONTROL_TOKEN: undefined }, () => expect(() => checkControlAccess(headers(`Bearer ${TOKEN}`))).toThrow(expect.objectContaining({ code: "TEST_CONTROL_DISABLED", status: 404 })));
    withEnv({ NODE_ENV: "production", DESK_TEST_CONTROL_IN_PRODUCTION: false }, () =>
      expect(() => checkControlAccess(headers(`Bearer ${TOKEN}`))).toThrow(expect.objectContaining({ code: "TEST_CONTROL_DISABLED" })),
    );
  });

  it("takes only the exact bearer: none, another, a prefix or a longer one is TEST_CONTROL_UNAUTHORIZED", async () => {
    expect(() => checkControlAccess(headers(`Bearer ${TOKEN}`))).not.toThrow();
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `bearer ${TOKEN}`, TOKEN, `Bearer  ${TOKEN}`]) {
      const error = await controlRefusal(Promise.resolve().then(() => checkControlAccess(headers(authorization))));
      expect([error.code, error.status]).toEqual(["TEST_CONTROL_UNAUTHORIZED", 401]);
    }
  });

  it("keeps the offset at 0 while the API is off, whatever was set", async () => {
    const { addon, key } = await newAddon();
    setClockOffset(HOUR);
    withEnv({ DESK_TEST_CONTROL_TOKEN: undefined }, () => {
      expect(clockOffsetMs()).toBe(0);
      expect(Math.abs(iamNow() - Date.now())).toBeLessThan(1_000);
    });
    const before = { ...env };
    Object.assign(env, { NODE_ENV: "production", DESK_TEST_CONTROL_IN_PRODUCTION: false });
    try {
      await expect(loginWith(addon.id, key)).resolves.toBeDefined();
    } finally {
      Object.assign(env, before);
    }
  });
});
