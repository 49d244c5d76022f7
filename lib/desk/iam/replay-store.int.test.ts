import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/test/integration/database";
import { databaseReplayStore, peekReplayStore } from "./replay-store";

// Two clients on one database file: two app instances sharing the replay store.
const instanceA = openDatabase();
const instanceB = openDatabase();
const ADDON = "addon_replay";
const OTHER = "addon_other";

beforeAll(async () => {
  await instanceA.asapAddon.createMany({ data: [{ id: ADDON, name: "Replay" }, { id: OTHER, name: "Other" }] });
});
afterAll(() => Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]));

const inFiveMinutes = () => new Date(Date.now() + 300_000);

describe("replay store", () => {
  it("accepts a jti once; another instance refuses the second use", async () => {
    expect(await databaseReplayStore(instanceA, ADDON)("jti-1", inFiveMinutes())).toBe("fresh");
    expect(await databaseReplayStore(instanceB, ADDON)("jti-1", inFiveMinutes())).toBe("replayed");
  });

  // Concurrent logins inside one instance. (Two instances racing: replay-store.pg.int.test.ts. On
  // SQLite two clients in one test process cannot race: better-sqlite3 is synchronous.)
  it("lets exactly one of many racing logins with the same jti through", async () => {
    const claim = databaseReplayStore(instanceA, ADDON);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => claim("jti-race", inFiveMinutes())));
    expect(outcomes.filter((outcome) => outcome === "fresh")).toHaveLength(1);
  });

  it("keeps jtis per add-on: the same jti at another add-on is fresh", async () => {
    expect(await databaseReplayStore(instanceA, OTHER)("jti-1", inFiveMinutes())).toBe("fresh");
  });

  it("takes over the row of a long-expired token", async () => {
    await instanceA.usedTokenId.create({ data: { addonId: ADDON, jti: "jti-old", expiresAt: new Date(Date.now() - 1000) } });
    expect(await databaseReplayStore(instanceB, ADDON)("jti-old", inFiveMinutes())).toBe("fresh");
    expect(await databaseReplayStore(instanceA, ADDON)("jti-old", inFiveMinutes())).toBe("replayed");
  });

  it("the debugger's look tells used from fresh without recording anything", async () => {
    const peek = peekReplayStore(instanceA, ADDON);
    expect(await peek("jti-1")).toBe("replayed");
    expect(await peek("jti-never")).toBe("fresh");
    expect(await instanceA.usedTokenId.count({ where: { jti: "jti-never" } })).toBe(0);
  });
});
