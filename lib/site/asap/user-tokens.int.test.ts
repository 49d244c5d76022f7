import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/test/integration/database";
import { issueUserToken, redeemUserToken } from "./user-tokens";

const db = openDatabase();
let userId: string;
beforeAll(async () => {
  userId = (await db.user.create({ data: { email: "legacy@example.com", name: "Legacy User", passwordHash: "x", emailVerified: new Date() } })).id;
});
afterAll(() => db.$disconnect());

describe("legacy user tokens", () => {
  it("are opaque, expire in two minutes, and redeem once for their user", async () => {
    const before = Date.now();
    const { userToken, expiresAt } = await issueUserToken(userId);
    expect(userToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt - before).toBeGreaterThan(115_000);
    expect(expiresAt - before).toBeLessThanOrEqual(121_000);
    expect(await db.userToken.count({ where: { tokenHash: userToken } })).toBe(0); // stored hashed

    expect(await redeemUserToken(userToken)).toMatchObject({ ok: true, user: { id: userId, email: "legacy@example.com" } });
    expect(await redeemUserToken(userToken)).toEqual({ ok: false, reason: "used" });
  });

  it("refuse an expired or unknown token with its reason", async () => {
    const { userToken } = await issueUserToken(userId);
    await db.userToken.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await redeemUserToken(userToken)).toEqual({ ok: false, reason: "expired" });
    expect(await redeemUserToken("never-issued-token-0123456789")).toEqual({ ok: false, reason: "unknown" });
  });

  it("let exactly one of several racing redemptions through", async () => {
    const { userToken } = await issueUserToken(userId);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => redeemUserToken(userToken)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });
});
