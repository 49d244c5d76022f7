import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { confirmVerificationToken, inspectVerificationToken, issueVerificationToken, VERIFICATION_TTL_MS } from "./tokens";

let counter = 0;
async function pendingUser() {
  return db.user.create({ data: { email: `pending-${++counter}@example.com`, name: "Pending", passwordHash: "x" } });
}
const verifiedAt = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).emailVerified;

describe("email verification links", () => {
  let userId: string;
  beforeEach(async () => {
    userId = (await pendingUser()).id;
  });

  it("are 32 random bytes, stored only as their SHA-256", async () => {
    const token = await issueVerificationToken(userId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.emailVerificationToken.findMany({ where: { userId } });
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(VERIFICATION_TTL_MS - 5_000);
  });

  it("verify the address of the user they were issued to, once", async () => {
    const token = await issueVerificationToken(userId);
    expect(await verifiedAt(userId)).toBeNull();
    expect(await confirmVerificationToken(token, userId)).toEqual({ ok: true });
    expect(await verifiedAt(userId)).toBeInstanceOf(Date);
    expect(await confirmVerificationToken(token, userId)).toEqual({ ok: false, reason: "used" });
  });

  it("let exactly one of two racing confirmations win", async () => {
    const token = await issueVerificationToken(userId);
    const results = await Promise.all([confirmVerificationToken(token, userId), confirmVerificationToken(token, userId)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "used" }]);
  });

  it("expire after 24 hours, and an expired link verifies nothing", async () => {
    const issuedAt = new Date(Date.now() - VERIFICATION_TTL_MS - 1_000);
    const token = await issueVerificationToken(userId, issuedAt);
    expect(await inspectVerificationToken(token)).toEqual({ status: "expired", userId });
    expect(await confirmVerificationToken(token, userId)).toEqual({ ok: false, reason: "expired" });
    expect(await verifiedAt(userId)).toBeNull();

    const fresh = await issueVerificationToken(userId, new Date(Date.now() - VERIFICATION_TTL_MS + 60_000));
    expect(await confirmVerificationToken(fresh, userId)).toEqual({ ok: true });
  });

  it("do nothing for another signed-in user, and stay usable by their owner", async () => {
    const token = await issueVerificationToken(userId);
    const other = await pendingUser();
    expect(await confirmVerificationToken(token, other.id)).toEqual({ ok: false, reason: "other-user" });
    expect(await verifiedAt(other.id)).toBeNull();
    expect(await verifiedAt(userId)).toBeNull();
    expect(await confirmVerificationToken(token, userId)).toEqual({ ok: true });
  });

  it("are only looked at, never spent, when a link is opened", async () => {
    const token = await issueVerificationToken(userId);
    expect(await inspectVerificationToken(token)).toEqual({ status: "valid", userId });
    expect(await inspectVerificationToken(token)).toEqual({ status: "valid", userId });
    expect(await verifiedAt(userId)).toBeNull();
  });

  it("refuse unknown and malformed links without verifying anybody", async () => {
    await issueVerificationToken(userId);
    for (const token of ["A".repeat(43), "too-short", "", "A".repeat(42) + "="]) {
      expect(await inspectVerificationToken(token)).toEqual({ status: "unknown" });
      expect(await confirmVerificationToken(token, userId)).toEqual({ ok: false, reason: "unknown" });
    }
    expect(await verifiedAt(userId)).toBeNull();
  });

  it("leave the user's other links with nothing to do once one is confirmed", async () => {
    const first = await issueVerificationToken(userId);
    const second = await issueVerificationToken(userId);
    expect(await confirmVerificationToken(second, userId)).toEqual({ ok: true });
    expect(await inspectVerificationToken(first)).toEqual({ status: "used", userId });
  });

  it("go with their user", async () => {
    const token = await issueVerificationToken(userId);
    await db.user.delete({ where: { id: userId } });
    expect(await inspectVerificationToken(token)).toEqual({ status: "unknown" });
  });
});
