/**
 * Idempotent demo data: every row is upserted by a natural or fixed key, so running the seed again
 * changes nothing (and never resets a password someone changed). Run with `npm run db:seed`.
 */
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { parseServerEnv } from "@/lib/shared/env-schema";
import { createPrismaClient, isPostgresUrl, type PrismaClient } from "@/lib/shared/prisma-client";
import { hashPassword } from "@/lib/shared/passwords";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { articles, categories } from "./seed-data/help-center";
import { communityPosts, communityTopics, tickets } from "./seed-data/activity";
import { syncTicketNumbers } from "@/lib/desk/help-center/ticket-numbers";

export const DEMO_PASSWORD = "northwind-demo";
export const DEMO_USERS = [
  { email: "ada@example.com", name: "Ada Lovelace" },
  { email: "grace@example.com", name: "Grace Hopper" },
  { email: "alan@example.com", name: "Alan Turing" },
];
export const DEMO_AGENT_PASSWORD = "desk-demo-agent";
export const DEMO_AGENTS = [
  { email: "admin@desk.example.com", name: "Dana Admin", role: "admin", department: "Support" },
  { email: "sam@desk.example.com", name: "Sam Rivera", role: "agent", department: "Support" },
  { email: "priya@desk.example.com", name: "Priya Nair", role: "agent", department: "Billing" },
];
export const DEMO_ADDON_ID = "addon_demo";

export type SeedOptions = {
  masterKey: Buffer;
  signingKey: { kid: string; secret: string };
  allowedOrigins: string[];
  /** PostgreSQL keeps a ticket-number sequence that the seed's numbered tickets must not collide with. */
  dialect: "sqlite" | "postgres";
};

const TABLES = ["user", "agent", "asapAddon", "asapKey", "category", "article", "contact", "ticket", "ticketComment", "communityPost", "communityReply"] as const;

async function countRows(prisma: PrismaClient) {
  const counts = await Promise.all(TABLES.map((table) => (prisma[table] as { count(): Promise<number> }).count()));
  return Object.fromEntries(TABLES.map((table, i) => [table, counts[i] ?? 0])) as Record<(typeof TABLES)[number], number>;
}

export async function seed(prisma: PrismaClient, options: SeedOptions) {
  const before = await countRows(prisma);
  const userHash = await hashPassword(DEMO_PASSWORD);
  const agentHash = await hashPassword(DEMO_AGENT_PASSWORD);

  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { email: user.email },
      create: { ...user, passwordHash: userHash, emailVerified: new Date() },
      update: {},
    });
  }

  const departments = new Map<string, string>();
  for (const name of new Set(DEMO_AGENTS.map((agent) => agent.department))) {
    const department = await prisma.department.upsert({ where: { name }, create: { name }, update: {} });
    departments.set(name, department.id);
  }
  const agents = new Map<string, string>();
  for (const { department, ...agent } of DEMO_AGENTS) {
    const row = await prisma.agent.upsert({
      where: { email: agent.email },
      create: { ...agent, passwordHash: agentHash, departmentId: departments.get(department) },
      update: {},
    });
    agents.set(agent.email, row.id);
  }

  await seedAddon(prisma, options);

  const categoryIds = new Map<string, string>();
  for (const category of categories) {
    const row = await prisma.category.upsert({ where: { slug: category.slug }, create: category, update: {} });
    categoryIds.set(category.slug, row.id);
  }
  for (const { category, views, ...article } of articles) {
    const categoryId = categoryIds.get(category);
    if (!categoryId) throw new Error(`Article ${article.slug} names unknown category ${category}`);
    await prisma.article.upsert({
      where: { slug: article.slug },
      create: { ...article, categoryId, viewCount: views, helpfulCount: Math.round(views / 12), notHelpful: Math.round(views / 90) },
      update: {},
    });
  }

  const contacts = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = await prisma.contact.upsert({ where: { email: user.email }, create: user, update: {} });
    contacts.set(user.email, row.id);
  }
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Seed data names unknown ${key}`);
    return id;
  };

  for (const { comments, contact, assignee, ...ticket } of tickets) {
    const row = await prisma.ticket.upsert({
      where: { number: ticket.number },
      create: {
        ...ticket,
        addonId: DEMO_ADDON_ID,
        contactId: idOf(contacts, contact),
        assigneeId: assignee ? idOf(agents, assignee) : null,
        departmentId: departments.get("Support"),
        closedAt: ticket.status === "closed" ? new Date() : null,
        identityVerified: true, // the demo's tickets came through the signed-in widget
      },
      update: {},
    });
    for (const [index, comment] of comments.entries()) {
      const id = `seed-comment-${ticket.number}-${index + 1}`;
      await prisma.ticketComment.upsert({
        where: { id },
        create: {
          id,
          ticketId: row.id,
          body: comment.body,
          isPublic: comment.isPublic ?? true,
          identityVerified: true,
          ...(comment.byAgent ? { agentId: idOf(agents, comment.byAgent) } : { contactId: row.contactId }),
        },
        update: {},
      });
    }
  }
  // The demo's tickets carry their numbers; PostgreSQL's sequence must hand out the next ones.
  await syncTicketNumbers(prisma, options.dialect);

  const topicIds = new Map<string, string>();
  for (const topic of communityTopics) {
    const row = await prisma.communityTopic.upsert({ where: { slug: topic.slug }, create: topic, update: {} });
    topicIds.set(topic.slug, row.id);
  }
  for (const [index, { topic, author, replies, likedBy, ...post }] of communityPosts.entries()) {
    const id = `seed-post-${index + 1}`;
    const authorField = author.endsWith("@desk.example.com")
      ? { agentId: idOf(agents, author) }
      : { contactId: idOf(contacts, author) };
    await prisma.communityPost.upsert({
      where: { id },
      create: { id, ...post, ...authorField, topicId: idOf(topicIds, topic), likeCount: likedBy.length },
      update: {},
    });
    for (const [replyIndex, reply] of replies.entries()) {
      const replyId = `${id}-reply-${replyIndex + 1}`;
      await prisma.communityReply.upsert({
        where: { id: replyId },
        create: { id: replyId, postId: id, contactId: idOf(contacts, reply.author), body: reply.body },
        update: {},
      });
    }
    for (const email of likedBy) {
      const contactId = idOf(contacts, email);
      await prisma.communityLike.upsert({
        where: { postId_contactId: { postId: id, contactId } },
        create: { postId: id, contactId },
        update: {},
      });
    }
  }

  const after = await countRows(prisma);
  return { before, after };
}

/** The demo ASAP add-on and its signing key, which must match ASAP_JWT_SECRET / ASAP_JWT_KID in .env. */
async function seedAddon(prisma: PrismaClient, { masterKey, signingKey, allowedOrigins }: SeedOptions) {
  await prisma.asapAddon.upsert({
    where: { id: DEMO_ADDON_ID },
    // The widget's branding is the add-on's (the Desk's code names no business); an admin's later
    // changes in the portal survive a re-seed.
    create: {
      id: DEMO_ADDON_ID,
      name: "Northwind Cloud Help",
      authMode: "jwt",
      newFlowEnabled: true,
      widgetTitle: "Northwind Cloud Help",
      widgetGreeting: "Hi! Search our guides, ask the community, or chat with the Northwind team.",
    },
    update: {},
  });
  for (const origin of allowedOrigins) {
    await prisma.addonOrigin.upsert({
      where: { addonId_origin: { addonId: DEMO_ADDON_ID, origin } },
      create: { addonId: DEMO_ADDON_ID, origin },
      update: {},
    });
  }
  const fingerprint = secretFingerprint(signingKey.secret);
  const existing = await prisma.asapKey.findUnique({ where: { addonId_kid: { addonId: DEMO_ADDON_ID, kid: signingKey.kid } }, select: { fingerprint: true, source: true } });
  if (existing?.fingerprint === fingerprint) return;
  if (existing && existing.source !== "generated") {
    // A public key an admin uploaded (or a JWKS published) under this kid is theirs: never overwritten.
    console.warn(`seed: the demo add-on's kid ${signingKey.kid} names a public key now; ASAP_JWT_SECRET was not sealed under it`);
    return;
  }
  // A new .env (new secret under the same kid) re-seals the key, so the site and the Desk keep agreeing.
  const secretEncrypted = sealSecret(signingKey.secret, signingKey.kid, masterKey);
  await prisma.asapKey.upsert({
    where: { addonId_kid: { addonId: DEMO_ADDON_ID, kid: signingKey.kid } },
    create: { kid: signingKey.kid, addonId: DEMO_ADDON_ID, secretEncrypted, fingerprint },
    update: { secretEncrypted, fingerprint, revokedAt: null, expiresAt: null },
  });
}

export function seedOptionsFromEnv(source: Record<string, string | undefined>): SeedOptions {
  const env = parseServerEnv(source);
  const secret = source.ASAP_JWT_SECRET;
  if (!secret || secret.length < 43) {
    throw new Error("ASAP_JWT_SECRET is missing or shorter than 32 random bytes (43 base64url characters): run `npm run setup`");
  }
  const port = source.PORT ?? "3000";
  return {
    dialect: isPostgresUrl(env.DATABASE_URL) ? "postgres" : "sqlite",
    masterKey: Buffer.from(env.DESK_MASTER_KEY, "base64url"),
    signingKey: { kid: source.ASAP_JWT_KID || "demo-key-1", secret },
    allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  };
}

function summary({ before, after }: Awaited<ReturnType<typeof seed>>): string {
  return TABLES.map((table) => {
    const added = after[table] - before[table];
    return `  ${table.padEnd(15)} ${String(after[table]).padStart(4)}${added > 0 ? `  (+${added} new)` : ""}`;
  }).join("\n");
}

async function main() {
  nextEnv.loadEnvConfig(process.cwd());
  const options = seedOptionsFromEnv(process.env);
  const prisma = createPrismaClient(parseServerEnv(process.env).DATABASE_URL);
  try {
    const result = await seed(prisma, options);
    console.log(`Seeded demo data (rows now in each table):\n${summary(result)}`);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
