import { afterAll, describe, expect, it } from "vitest";
import { openDirectSqlite } from "@/lib/shared/database/direct-sqlite";
import { execute } from "@/lib/shared/database/sql-steps";
import { db } from "@/lib/shared/db";
import { transaction } from "./transaction";

// The login writes over its own SQLite connection (lib/shared/hot-sql.ts), beside Prisma's.
const direct = openDirectSqlite(process.env.DATABASE_URL!);
afterAll(() => direct.close());

describe("transaction, on SQLite beside the login's connection", () => {
  it("runs again a transaction whose read was overtaken by another connection's write before it wrote", async () => {
    await db.rateLimiterFlexible.create({ data: { key: "counter", points: 0 } });
    let runs = 0;
    await transaction(async (tx) => {
      runs++;
      const { points } = await tx.rateLimiterFlexible.findUniqueOrThrow({ where: { key: "counter" } });
      if (runs === 1) {
        // Another request's login commits between this transaction's read and its write.
        await direct.transaction(function* () {
          yield* execute`UPDATE "RateLimiterFlexible" SET "points" = "points" + 10 WHERE "key" = ${"counter"}`;
        });
      }
      await tx.rateLimiterFlexible.update({ where: { key: "counter" }, data: { points: points + 1 } });
    });
    expect(runs).toBe(2);
    expect((await db.rateLimiterFlexible.findUniqueOrThrow({ where: { key: "counter" } })).points).toBe(11);
  });
});
