import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { openDirectSqlite } from "./direct-sqlite";

// The login's own SQLite connection beside the Prisma client, on one database file.
const direct = openDirectSqlite(process.env.DATABASE_URL!);
afterAll(() => direct.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const points = async (key: string) => (await db.rateLimiterFlexible.findUnique({ where: { key } }))?.points ?? null;
const insert = (sql: { $executeRaw: typeof direct.$executeRaw }, key: string, points = 1) =>
  sql.$executeRaw`INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${null})`;

describe("a direct SQLite connection beside Prisma", () => {
  it("binds values as Prisma does: its dates read back through Prisma, and compare with Prisma's in SQL", async () => {
    const expire = new Date("2026-05-06T07:08:09.010Z");
    await direct.$executeRaw`INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${"dates"}, ${3}, ${expire})`;
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "dates" } })).toEqual({ key: "dates", points: 3, expire });
    await db.rateLimiterFlexible.create({ data: { key: "dates-by-prisma", points: 1, expire } });
    const rows = await direct.$queryRaw<{ key: string }[]>`SELECT "key" FROM "RateLimiterFlexible" WHERE "expire" = ${expire} ORDER BY "key"`;
    expect(rows.map((row) => row.key)).toEqual(["dates", "dates-by-prisma"]);
  });

  it("commits a transaction's work, and undoes all of it when the work throws", async () => {
    await direct.transaction(async (tx) => void (await insert(tx, "kept")));
    await expect(
      direct.transaction(async (tx) => {
        await insert(tx, "undone");
        throw new Error("half-way");
      }),
    ).rejects.toThrow("half-way");
    expect([await points("kept"), await points("undone")]).toEqual([1, null]);
  });

  it("never lets a statement from outside join an open transaction", async () => {
    let outside: Promise<number> | undefined;
    await expect(
      direct.transaction(async (tx) => {
        await insert(tx, "inside");
        outside = insert(direct, "outside"); // another request's statement, meanwhile
        await tx.$executeRaw`UPDATE "RateLimiterFlexible" SET "points" = 2 WHERE "key" = ${"inside"}`;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await outside;
    expect([await points("inside"), await points("outside")]).toEqual([null, 1]);
  });

  it("waits for a Prisma transaction holding the write lock without stalling the process", async () => {
    const order: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const prisma = db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "RateLimiterFlexible" ("key", "points") VALUES (${"prisma-first"}, ${1})`;
      await released; // holds the write lock until a timer of this process says so
      order.push("prisma committed");
    });
    await sleep(20);
    const started = performance.now();
    const waiting = direct.transaction(async (tx) => void (await insert(tx, "direct-second")));
    setTimeout(release, 20);
    await waiting;
    order.push("direct committed");
    await prisma;
    expect(order).toEqual(["prisma committed", "direct committed"]);
    // A busy wait on the event loop would hold the timer, and so the lock, for seconds: no timing, a hang.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect([await points("prisma-first"), await points("direct-second")]).toEqual([1, 1]);
  });

  it("rolls back a transaction whose work waited on anything but its own statements", async () => {
    await expect(
      direct.transaction(async (tx) => {
        await insert(tx, "slow");
        await sleep(5);
      }),
    ).rejects.toThrow("awaited something other than its own statements");
    expect(await points("slow")).toBeNull();
    await direct.transaction(async (tx) => void (await insert(tx, "after")));
    expect(await points("after")).toBe(1);
  });
});
