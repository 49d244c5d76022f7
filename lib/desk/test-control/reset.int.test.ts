import { describe, expect, it, vi } from "vitest";
import type { ResolvedSimulatorConfig } from "@/lib/contract/test-control";
import { startChat } from "@/lib/desk/help-center/chat";
import { createPost, replyToPost, setLike } from "@/lib/desk/help-center/community";
import { submitTicket } from "@/lib/desk/help-center/tickets";
import { findSession } from "@/lib/desk/sessions/asap-sessions";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { refusal } from "@/test/integration/callers";
import { controlRefusal, loginWith } from "@/test/integration/test-control";
import { seed, seedOptionsFromEnv } from "@/prisma/seed";
import { readClock, setClockOffset } from "./clock-control";
import { provisionAddon, revokeKey } from "./provision";
import { resetSimulator, resetTo } from "./reset";

vi.hoisted(() => {
  process.env.DESK_TEST_CONTROL_TOKEN = "reset-int-test-control-token-0123456789abcdef";
});

// One database for the file, seeded like the simulator's: every test resets it first, as a suite would.
await seed(db, seedOptionsFromEnv(process.env));

const KEY = { kid: "reset-key-1", secret: "reset-test-secret-of-43-characters-xxxxxxx" };
const CONFIG: ResolvedSimulatorConfig = {
  addons: [
    { id: "addon_app", name: "My app", origins: ["http://localhost:3000"], clockSkewSeconds: 30, keys: [KEY] },
    { id: "addon_guest", origins: [], authMode: "anonymous", keys: [] },
  ],
};

const counts = async () => ({
  articles: await db.article.count(),
  categories: await db.category.count(),
  topics: await db.communityTopic.count(),
  seededPosts: await db.communityPost.count({ where: { id: { startsWith: "seed-post-" } } }),
  seededReplies: await db.communityReply.count({ where: { id: { startsWith: "seed-post-" } } }),
});

/** A person who logs in and leaves a trace of everything a test can make. */
async function leaveTraces() {
  const { contact, session } = await loginWith("addon_app", KEY, { email: "mallory@example.com", name: "Mallory" });
  const caller = { kind: "contact" as const, contact, addonId: "addon_app", sessionId: (await db.asapSession.findFirstOrThrow({ where: { contactId: contact.id } })).id };
  await submitTicket(caller, { subject: "Help", description: "Please", priority: "medium" }, "idem-1");
  await startChat(caller, { message: "Hello" });
  const topic = await db.communityTopic.findFirstOrThrow();
  const post = await createPost(contact.id, { topic: topic.slug, type: "question", title: "Mine", body: "Body" });
  await replyToPost(contact.id, "seed-post-1", "A reply to a seeded post");
  await setLike(contact.id, "seed-post-1", true);
  await refusal(loginWith("addon_app", { kid: KEY.kid, secret: "x".repeat(43) }));
  return { contact, session, post };
}

describe("reset", () => {
  it("takes concurrent resets one after the other, each ending in the configured state", async () => {
    const answers = await Promise.all([resetTo(CONFIG), resetTo(CONFIG), resetTo(CONFIG)]);
    for (const answer of answers) expect(answer.addons.map((addon) => addon.id)).toEqual(["addon_app", "addon_guest"]);
    expect(await db.asapAddon.count()).toBe(2);
    expect(await db.asapKey.count({ where: { addonId: "addon_app" } })).toBe(1);
  });

  it("removes what tests made and keeps the seeded help center", async () => {
    await resetTo(CONFIG);
    const before = await counts();
    const likesBefore = (await db.communityPost.findUniqueOrThrow({ where: { id: "seed-post-1" } })).likeCount;
    const traces = await leaveTraces();

    await resetTo(CONFIG);
    expect(await counts()).toEqual(before);
    expect(before.articles).toBeGreaterThanOrEqual(20);
    expect(await db.ticket.count()).toBe(0);
    expect(await db.chatSession.count()).toBe(0);
    expect(await db.idempotencyRecord.count()).toBe(0);
    expect(await db.loginEvent.count()).toBe(0);
    expect(await db.usedTokenId.count()).toBe(0);
    expect(await db.asapSession.count()).toBe(0);
    expect(await db.contact.findUnique({ where: { email: "mallory@example.com" } })).toBeNull();
    expect(await db.communityPost.findUnique({ where: { id: traces.post.id } })).toBeNull();
    expect((await db.communityPost.findUniqueOrThrow({ where: { id: "seed-post-1" } })).likeCount).toBe(likesBefore);
    expect(await findSession(traces.session.token)).toBeNull();
    // The seed's authors stay with their posts.
    expect(await db.communityPost.count({ where: { id: { startsWith: "seed-post-" }, contactId: null, agentId: null } })).toBe(0);
  });

  it("puts back exactly the configured add-ons, with their keys as configured, and removes every other", async () => {
    await resetTo(CONFIG);
    const extra = await provisionAddon({ origins: [] });
    await revokeKey("addon_app", KEY.kid);
    await db.asapAddon.update({ where: { id: "addon_app" }, data: { clockSkewSeconds: 0, name: "Changed" } });

    const answer = await resetTo(CONFIG);
    expect(answer).toEqual({
      reset: true,
      addons: [
        { id: "addon_app", name: "My app", origins: ["http://localhost:3000"], authMode: "jwt", newFlowEnabled: true, legacyFlowEnabled: false, clockSkewSeconds: 30, sessionTtlSeconds: 3600, keys: [{ kid: KEY.kid }] },
        { id: "addon_guest", name: "addon_guest", origins: [], authMode: "anonymous", newFlowEnabled: true, legacyFlowEnabled: false, clockSkewSeconds: 60, sessionTtlSeconds: 3600, keys: [] },
      ],
    });
    expect(await db.asapAddon.findUnique({ where: { id: extra.addon.id } })).toBeNull();
    expect(await db.asapAddon.findUnique({ where: { id: "addon_demo" } })).toBeNull();
    await expect(loginWith("addon_app", KEY)).resolves.toBeDefined();
  });

  it("clears the login throttle, so one test's refused logins never rate-limit the next", async () => {
    await resetTo(CONFIG);
    const wrong = { kid: KEY.kid, secret: "w".repeat(43) };
    for (let i = 0; i < 60; i++) await refusal(loginWith("addon_app", wrong));
    expect((await refusal(loginWith("addon_app", KEY))).code).toBe("RATE_LIMITED");
    await resetTo(CONFIG);
    await expect(loginWith("addon_app", KEY)).resolves.toBeDefined();
  });

  it("sets the clock offset back to 0", async () => {
    setClockOffset(3600);
    await resetTo(CONFIG);
    expect(readClock().offsetSeconds).toBe(0);
  });

  it("can run twice in a row and gives the same answer", async () => {
    expect(await resetTo(CONFIG)).toEqual(await resetTo(CONFIG));
  });

  it("is refused with SIMULATOR_NOT_CONFIGURED on a Desk started without a configuration, and changes nothing", async () => {
    await resetTo(CONFIG);
    await leaveTraces();
    const saved = env.DESK_SIMULATOR_CONFIG;
    env.DESK_SIMULATOR_CONFIG = undefined;
    try {
      expect((await controlRefusal(resetSimulator())).code).toBe("SIMULATOR_NOT_CONFIGURED");
    } finally {
      env.DESK_SIMULATOR_CONFIG = saved;
    }
    expect(await db.ticket.count()).toBe(1);
  });

  it("restores the configuration the Desk was started with (DESK_SIMULATOR_CONFIG)", async () => {
    env.DESK_SIMULATOR_CONFIG = { addons: [{ id: "addon_from_env", origins: [], keys: [] }] };
    try {
      expect((await resetSimulator()).addons.map((addon) => addon.id)).toEqual(["addon_from_env"]);
    } finally {
      env.DESK_SIMULATOR_CONFIG = undefined;
    }
  });
});
