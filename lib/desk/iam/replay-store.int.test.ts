import { randomUUID } from "node:crypto";
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
/** A jti no other test uses, so each test stands alone whatever runs before it. */
const newJti = () => `jti-${randomUUID()}`;

describe("replay store", () => {
  it("accepts a jti once; another instance refuses the second use", async () => {
    const jti = newJti();
    expect(await databaseReplayStore(instanceA, ADDON)(jti, inFiveMinutes())).toBe("fresh");
    expect(await databaseReplayStore(instanceB, ADDON)(jti, inFiveMinutes())).toBe("replayed");
  });

  // Concurrent logins inside one instance. (Two instances racing: replay-store.pg.int.test.ts. On
  // SQLite two clients in one test process cannot race: better-sqlite3 is synchronous.)
  it("lets exactly one of many racing logins with the same jti through", async () => {
    const claim = databaseReplayStore(instanceA, ADDON);
    const jti = newJti();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => claim(jti, inFiveMinutes())));
    expect(outcomes.filter((outcome) => outcome === "fresh")).toHaveLength(1);
  });

  it("keeps jtis per add-on: a jti used at one add-on is fresh at another", async () => {
    const jti = newJti();
    expect(await databaseReplayStore(instanceA, ADDON)(jti, inFiveMinutes())).toBe("fresh");
    expect(await databaseReplayStore(instanceA, OTHER)(jti, inFiveMinutes())).toBe("fresh");
    expect(await databaseReplayStore(instanceB, ADDON)(jti, inFiveMinutes())).toBe("replayed");
  });

  it("takes over the row of a long-expired token", async () => {
    const [old, untouched] = [newJti(), newJti()];
    const longAgo = new Date(Date.now() - 1_000);
    // A claim first, so that this process's periodic prune (at most once a minute) is spent and the
    // expired rows below stay for the claim to find; the untouched one proves no prune removed them.
    await databaseReplayStore(instanceA, ADDON)(newJti(), inFiveMinutes());
    await instanceA.usedTokenId.createMany({ data: [old, untouched].map((jti) => ({ addonId: ADDON, jti, expiresAt: longAgo })) });

    expect(await databaseReplayStore(instanceB, ADDON)(old, inFiveMinutes())).toBe("fresh");
    expect(await instanceA.usedTokenId.count({ where: { addonId: ADDON, jti: untouched } })).toBe(1);
    expect((await instanceA.usedTokenId.findUniqueOrThrow({ where: { addonId_jti: { addonId: ADDON, jti: old } } })).expiresAt > new Date()).toBe(true);
    expect(await databaseReplayStore(instanceA, ADDON)(old, inFiveMinutes())).toBe("replayed");
  });

  it("the debugger's look tells used from fresh without recording anything", async () => {
    const [used, never] = [newJti(), newJti()];
    await databaseReplayStore(instanceA, ADDON)(used, inFiveMinutes());
    const peek = peekReplayStore(instanceA, ADDON);
    expect(await peek(used)).toBe("replayed");
    expect(await peek(never)).toBe("fresh");
    expect(await instanceA.usedTokenId.count({ where: { jti: never } })).toBe(0);
  });
});
