import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { openDirectSqlite } from "./direct-sqlite";
import { execute } from "./sql-steps";

// The login's own SQLite connection beside the Prisma client, on one database file.
const file = process.env.DATABASE_URL!;
const direct = openDirectSqlite(file);
const reader = new Database(file.replace(/^file:/, ""), { readonly: true });
afterAll(() => {
  direct.close();
  reader.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const points = async (key: string) => (await db.rateLimiterFlexible.findUnique({ where: { key } }))?.points ?? null;
const insert = (key: string) => execute`INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${1}, ${null})`;

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
    const kept = await direct.transaction(function* () {
      return yield* insert("kept");
    });
    expect(kept).toBe(1);
    await expect(
      direct.transaction(function* () {
        yield* insert("undone");
        throw new Error("half-way");
      }),
    ).rejects.toThrow("half-way");
    expect([await points("kept"), await points("undone")]).toEqual([1, null]);
  });

  it("runs a transaction whole, before anything else of the process can run", () => {
    void direct.transaction(function* () {
      yield* insert("at-once-1");
      yield* insert("at-once-2");
    });
    // Not awaited: already committed, so nothing else (no promise's continuation) ran while it held the lock.
    expect(reader.prepare(`SELECT COUNT(*) AS n FROM "RateLimiterFlexible" WHERE "key" LIKE 'at-once-%'`).get()).toEqual({ n: 2 });
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
    let runs = 0;
    const waiting = direct.transaction(function* () {
      runs++;
      yield* insert("direct-second");
    });
    setTimeout(release, 20);
    await waiting;
    order.push("direct committed");
    await prisma;
    expect(order).toEqual(["prisma committed", "direct committed"]);
    expect(runs).toBe(1); // refused before any step ran, then run once
    // A busy wait on the event loop would hold the timer, and so the lock, for seconds: no timing, a hang.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect([await points("prisma-first"), await points("direct-second")]).toEqual([1, 1]);
  });
});
