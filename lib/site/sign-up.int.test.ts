import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { catchMail, linkIn } from "@/test/integration/mail";

// Mail goes over real SMTP to a catcher started for this file; modules that read env come after.
const mailbox = await catchMail();
const { db } = await import("@/lib/shared/db");
const { verifyPassword } = await import("@/lib/shared/passwords");
const { signUp } = await import("./sign-up");
const { TooManyMailsError } = await import("./email-verification/mail-throttle");
const { findCredentials } = await import("./users");

let counter = 0;
const input = (overrides: Partial<{ name: string; email: string; password: string }> = {}) => ({
  name: "Katherine Johnson",
  email: `katherine-${++counter}@example.com`,
  password: "orbital-mechanics",
  ...overrides,
});
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("sign-up", () => {
  it("creates an unverified account for a free address and mails it a verification link", async () => {
    const data = input();
    expect(await signUp(data)).toBe("created");

    const user = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    expect(user.emailVerified).toBeNull();
    expect(await verifyPassword(user.passwordHash, data.password)).toBe(true);

    const [mail, ...others] = mailbox.messages(data.email);
    expect(others).toHaveLength(0);
    expect(mail).toMatchObject({ to: [data.email], subject: "Confirm your email address for Northwind Cloud" });
    const link = linkIn(mail!.text);
    expect(link.startsWith("http://localhost:3000/verify-email?token=")).toBe(true);
    expect(mail!.text).not.toContain(data.name);
    const [stored] = await db.emailVerificationToken.findMany({ where: { userId: user.id } });
    expect(stored?.tokenHash).toBe(sha256(tokenOf(link)));
  });

  it("changes nothing for a verified address, and tells its inbox there is an account already", async () => {
    const data = input();
    await signUp(data);
    await db.user.update({ where: { email: data.email }, data: { emailVerified: new Date() } });
    const before = await db.user.findUniqueOrThrow({ where: { email: data.email }, include: { verificationTokens: true } });
    mailbox.clear();

    expect(await signUp({ ...data, name: "Someone Else", password: "a-different-password" })).toBe("exists");

    const after = await db.user.findUniqueOrThrow({ where: { email: data.email }, include: { verificationTokens: true } });
    expect(after).toEqual(before);
    expect(await verifyPassword((await findCredentials(data.email))!.passwordHash, "a-different-password")).toBe(false);
    const [mail, ...others] = mailbox.messages(data.email);
    expect(others).toHaveLength(0);
    expect(mail?.subject).toBe("You already have a Northwind Cloud account");
    expect(mail?.text).toContain("http://localhost:3000/sign-in");
    expect(mail?.text).not.toContain("verify-email");
  });

  it("replaces a still-unverified account: new id, the new password, a new link, and the old link dead", async () => {
    const data = input();
    await signUp(data);
    const first = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    const firstLink = linkIn(mailbox.messages(data.email)[0]!.text);

    expect(await signUp({ ...data, password: "the-real-owner-password" })).toBe("replaced");

    const second = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    expect(second.id).not.toBe(first.id);
    expect(second.emailVerified).toBeNull();
    expect(await db.user.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await verifyPassword(second.passwordHash, "the-real-owner-password")).toBe(true);
    expect(await db.emailVerificationToken.count({ where: { tokenHash: sha256(tokenOf(firstLink)) } })).toBe(0);

    const [latest] = mailbox.messages(data.email);
    const secondLink = linkIn(latest!.text);
    expect(secondLink).not.toBe(firstLink);
    expect((await db.emailVerificationToken.findUniqueOrThrow({ where: { tokenHash: sha256(tokenOf(secondLink)) } })).userId).toBe(second.id);
  });

  it("sends at most 5 emails an hour to one address, whatever becomes of it", async () => {
    const data = input();
    for (let i = 0; i < 5; i++) await signUp(data);
    await expect(signUp(data)).rejects.toBeInstanceOf(TooManyMailsError);
    expect(mailbox.messages(data.email)).toHaveLength(5);
  });
});
