import "server-only";
import type { ProvisionedAddon, ResolvedSimulatorConfig, ResetAnswer } from "@/lib/contract/test-control";
import { recordAudit } from "@/lib/desk/audit";
import { LOGIN_THROTTLE_PREFIX } from "@/lib/desk/iam/login-throttle";
import { GUEST_LIMIT_PREFIXES } from "@/lib/desk/help-center/guest-limits";
import { CONTACT_UPLOAD_LIMIT_PREFIX } from "@/lib/desk/attachments/upload-limits";
import { env } from "@/lib/shared/env";
import { transaction } from "@/lib/shared/transaction";
import { setClockOffset } from "./clock-control";
import { TestControlError } from "./errors";
import { insertAddon } from "./provision";

/** The seed's community posts and their replies have ids with this prefix (prisma/seed.ts): they stay. */
const SEEDED_POST_PREFIX = "seed-post-";

/** POST reset, on the configuration the Desk was started with (DESK_SIMULATOR_CONFIG). */
export async function resetSimulator(): Promise<ResetAnswer> {
  const config = env.DESK_SIMULATOR_CONFIG;
  if (!config) {
    throw new TestControlError(
      "SIMULATOR_NOT_CONFIGURED",
      "This Desk was started without a simulator configuration, so there is no configured state to restore.",
      "Start the Desk with `npm run desk:simulator -- --config <file>`; on a shared Desk, clean up what your test made instead.",
    );
  }
  return resetTo(config);
}

/**
 * Everything a test can leave behind goes: tickets, chats, contacts, ASAP sessions, used jtis, the
 * login log, the Desk's login and guest limits, community posts and replies other than the seed's,
 * and every add-on; then the configured add-ons come back with their keys, and the clock offset is 0.
 * Articles, categories, community topics and the seed's posts (with their authors) stay. One
 * transaction: a test never sees half a reset.
 */
export function resetTo(config: ResolvedSimulatorConfig): Promise<ResetAnswer> {
  // One reset at a time in this process (the simulator is one): two at once would race to re-insert
  // the same configured ids, and the loser would answer 500 rather than the state asked for.
  const run = resets.then(() => resetNow(config));
  resets = run.catch(() => undefined);
  return run;
}

let resets: Promise<unknown> = Promise.resolve();

async function resetNow(config: ResolvedSimulatorConfig): Promise<ResetAnswer> {
  const addons = await transaction(async (tx) => {
    await tx.ticket.deleteMany({});
    await tx.idempotencyRecord.deleteMany({});
    await tx.chatSession.deleteMany({});
    await tx.communityFollow.deleteMany({});
    await tx.communityReply.deleteMany({ where: { NOT: { id: { startsWith: SEEDED_POST_PREFIX } } } });
    await tx.communityPost.deleteMany({ where: { NOT: { id: { startsWith: SEEDED_POST_PREFIX } } } });
    // Left with only the seed's posts and replies, a contact who wrote none was made by a test.
    await tx.contact.deleteMany({ where: { posts: { none: {} }, replies: { none: {} } } });
    await tx.asapSession.deleteMany({});
    await tx.usedTokenId.deleteMany({});
    await tx.loginEvent.deleteMany({});
    await tx.asapAddon.deleteMany({});
    await tx.rateLimiterFlexible.deleteMany({ where: { OR: [LOGIN_THROTTLE_PREFIX, ...GUEST_LIMIT_PREFIXES, CONTACT_UPLOAD_LIMIT_PREFIX].map((prefix) => ({ key: { startsWith: `${prefix}:` } })) } });
    // Likes by the seed's authors may have come or gone: each post counts what it has.
    for (const post of await tx.communityPost.findMany({ select: { id: true, _count: { select: { likes: true } } } })) {
      await tx.communityPost.update({ where: { id: post.id }, data: { likeCount: post._count.likes } });
    }

    const provisioned: ProvisionedAddon[] = [];
    for (const { keys, ...addon } of config.addons) {
      provisioned.push({ ...(await insertAddon(tx, addon, keys)), keys: keys.map(({ kid }) => ({ kid })) });
    }
    await recordAudit(tx, { actorId: null, action: "simulator.reset", target: "simulator", detail: `Reset to ${provisioned.length} configured add-on(s) (test-control API)` });
    return provisioned;
  });
  setClockOffset(0);
  return { reset: true, addons };
}
