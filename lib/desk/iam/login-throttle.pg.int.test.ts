import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { hotSql } from "@/lib/shared/hot-sql";
import { anotherAppInstance } from "@/test/integration/app-instance";
import { raceOn } from "@/test/integration/race";
import { LOGIN_FAILURES_PER_MINUTE } from "./limits";
import { takeLoginAttempt } from "./login-throttle";

// A second app instance with its own client and limiter: both count in the one database.
const second = await anotherAppInstance(async () => ({ ...(await import("./login-throttle")), ...(await import("@/lib/shared/db")), ...(await import("@/lib/shared/hot-sql")) }));
afterAll(() => Promise.all([db.$disconnect(), second.db.$disconnect()]));

describe("login throttle across instances on PostgreSQL", () => {
  it("gives the last point of a budget to exactly one of two racing instances", async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE - 1; i++) await takeLoginAttempt(hotSql, "addon_race", "203.0.113.9");
    const [first, other] = await raceOn("RateLimiterFlexible", [
      () => takeLoginAttempt(hotSql, "addon_race", "203.0.113.9"),
      () => second.takeLoginAttempt(second.hotSql, "addon_race", "203.0.113.9"),
    ]);
    const outcomes = [first!, other!].map((result) => (result.status === "fulfilled" ? "allowed" : result.reason));
    expect(outcomes.filter((outcome) => outcome === "allowed")).toHaveLength(1);
    // The other instance's AsapError is its own class: told apart by code, as across processes.
    expect(outcomes.find((outcome) => outcome !== "allowed")).toMatchObject({ name: "AsapError", code: "RATE_LIMITED" });
  });

  it("counts a first failure from two racing instances twice, never losing one to the row's creation", async () => {
    await raceOn("RateLimiterFlexible", [
      () => takeLoginAttempt(hotSql, "addon_race", "203.0.113.10"),
      () => second.takeLoginAttempt(second.hotSql, "addon_race", "203.0.113.10"),
    ]).then((results) => expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]));
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "asap-login-failures:addon_race:203.0.113.10" }, select: { points: true } })).toEqual({ points: 2 });
  });
});
