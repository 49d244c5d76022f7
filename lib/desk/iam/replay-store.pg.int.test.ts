import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/test/integration/database";
import { fulfilled, raceOn } from "@/test/integration/race";
import { databaseReplayStore } from "./replay-store";

// Two clients, two pools: on PostgreSQL two app instances really can use one token at the same moment.
const instanceA = openDatabase();
const instanceB = openDatabase();
const ADDON = "addon_replay_race";

beforeAll(async () => {
  await instanceA.asapAddon.create({ data: { id: ADDON, name: "Replay race" } });
  await databaseReplayStore(instanceA, ADDON)("warm-up", inFiveMinutes()); // spends this process's periodic prune
});
afterAll(() => Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]));

function inFiveMinutes() {
  return new Date(Date.now() + 300_000);
}

const raceFor = (jti: string) =>
  raceOn("UsedTokenId", [instanceA, instanceB].map((instance) => () => databaseReplayStore(instance, ADDON)(jti, inFiveMinutes())));

describe("replay store across instances on PostgreSQL", () => {
  it("lets exactly one of two instances racing with the same jti through", async () => {
    expect(fulfilled(await raceFor("jti-pair")).sort()).toEqual(["fresh", "replayed"]);
  });

  it("lets exactly one of two racing instances take over a long-expired token's row", async () => {
    await instanceA.usedTokenId.create({ data: { addonId: ADDON, jti: "jti-expired", expiresAt: new Date(Date.now() - 1_000) } });
    expect(fulfilled(await raceFor("jti-expired")).sort()).toEqual(["fresh", "replayed"]);
    expect((await instanceB.usedTokenId.findUniqueOrThrow({ where: { addonId_jti: { addonId: ADDON, jti: "jti-expired" } } })).expiresAt > new Date()).toBe(true);
  });
});
