import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openFreshDatabase } from "@/test/integration/database";
import { openSecret } from "@/lib/desk/keys/secret-box";
import { verifyPassword } from "@/lib/shared/passwords";
import { DEMO_ADDON_ID, DEMO_PASSWORD, seed, seedOptionsFromEnv } from "./seed";

// Each test seeds a database of its own, so none depends on another having run first.
describe("seed", () => {
  const options = seedOptionsFromEnv(process.env);

  async function seeded() {
    const prisma = await openFreshDatabase();
    await seed(prisma, options);
    return prisma;
  }

  it("creates the demo on an empty database", async () => {
    const prisma = await openFreshDatabase();
    const { before, after } = await seed(prisma, options);
    expect(Object.values(before).every((count) => count === 0)).toBe(true);
    expect(after).toMatchObject({ user: 3, agent: 3, asapAddon: 1, asapKey: 1, category: 5, contact: 3, ticket: 5 });
    expect(after.article).toBeGreaterThanOrEqual(20);
  });

  it("is idempotent: a second run adds and changes nothing", async () => {
    const prisma = await seeded();
    const snapshot = () =>
      Promise.all([
        prisma.user.findMany({ orderBy: { email: "asc" } }),
        prisma.article.findMany({ orderBy: { slug: "asc" } }),
        prisma.ticketComment.findMany({ orderBy: { id: "asc" } }),
        prisma.communityLike.findMany({ orderBy: [{ postId: "asc" }, { contactId: "asc" }] }),
        prisma.asapKey.findMany(),
      ]);
    const first = await snapshot();
    const { before, after } = await seed(prisma, options);
    expect(after).toEqual(before);
    expect(await snapshot()).toEqual(first);
  });

  it("keeps a password a user changed since the last seed", async () => {
    const prisma = await seeded();
    await prisma.user.update({ where: { email: "ada@example.com" }, data: { passwordHash: "changed" } });
    await seed(prisma, options);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).passwordHash).toBe("changed");
  });

  it("seeds the demo users with verified email addresses, so the widget signs them in", async () => {
    const prisma = await seeded();
    const users = await prisma.user.findMany({ select: { emailVerified: true } });
    expect(users).toHaveLength(3);
    expect(users.every((user) => user.emailVerified instanceof Date)).toBe(true);
  });

  it("hashes demo passwords with argon2id, and they verify", async () => {
    const prisma = await seeded();
    const grace = await prisma.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(grace.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(grace.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("stores the add-on's signing secret sealed, and re-seals it when .env carries a new one", async () => {
    const prisma = await seeded();
    const key = await prisma.asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId: DEMO_ADDON_ID, kid: options.signingKey.kid } } });
    expect(key.addonId).toBe(DEMO_ADDON_ID);
    expect(key.secretEncrypted).not.toContain(options.signingKey.secret);
    expect(openSecret(key.secretEncrypted ?? "", key.kid, options.masterKey)).toBe(options.signingKey.secret);

    const rotated = { ...options, signingKey: { ...options.signingKey, secret: randomBytes(32).toString("base64url") } };
    await seed(prisma, rotated);
    const resealed = await prisma.asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId: DEMO_ADDON_ID, kid: options.signingKey.kid } } });
    expect(openSecret(resealed.secretEncrypted ?? "", key.kid, options.masterKey)).toBe(rotated.signingKey.secret);
    expect(resealed.fingerprint).not.toBe(key.fingerprint);
  });

  it("refuses a signing secret shorter than 32 random bytes", () => {
    expect(() => seedOptionsFromEnv({ ...process.env, ASAP_JWT_SECRET: "too-short" })).toThrow(/ASAP_JWT_SECRET/);
  });
});
