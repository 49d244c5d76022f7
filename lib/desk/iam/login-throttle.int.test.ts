import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { hotSql } from "@/lib/shared/hot-sql";
import { LOGIN_FAILURES_PER_MINUTE } from "./limits";
import { LOGIN_THROTTLE_PREFIX, takeLoginAttempt } from "./login-throttle";

const row = (address: string) => db.rateLimiterFlexible.findUniqueOrThrow({ where: { key: `${LOGIN_THROTTLE_PREFIX}:addon_t:${address}` } });

describe("login throttle (one statement each way)", () => {
  it("refuses the attempt past the minute's budget, and says when to retry", async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE; i++) await takeLoginAttempt(hotSql, "addon_t", "198.51.100.1");
    await expect(takeLoginAttempt(hotSql, "addon_t", "198.51.100.1")).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
  });

  it("starts a new window once the last one is over, and a refund gives back only its own window's point", async () => {
    const budget = await takeLoginAttempt(hotSql, "addon_t", "198.51.100.2");
    await takeLoginAttempt(hotSql, "addon_t", "198.51.100.2");
    expect((await row("198.51.100.2")).points).toBe(2);
    await hotSql.transaction(() => budget.refund());
    expect((await row("198.51.100.2")).points).toBe(1);

    const stale = await takeLoginAttempt(hotSql, "addon_t", "198.51.100.2");
    await db.rateLimiterFlexible.update({ where: { key: `${LOGIN_THROTTLE_PREFIX}:addon_t:198.51.100.2` }, data: { expire: new Date(Date.now() - 1_000) } });
    await takeLoginAttempt(hotSql, "addon_t", "198.51.100.2");
    const fresh = await row("198.51.100.2");
    expect(fresh.points).toBe(1);
    expect(fresh.expire!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await hotSql.transaction(() => stale.refund()); // from the window that is over: owes nothing to the new one
    expect((await row("198.51.100.2")).points).toBe(1);
  });
});
