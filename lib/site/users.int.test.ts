import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { hashPassword, verifyPassword } from "@/lib/shared/passwords";
import { createPendingUser, EmailTakenError, findAccountByEmail, findCredentials, findUserById } from "./users";

describe("site users", () => {
  const input = { name: "Katherine Johnson", email: "katherine@example.com", password: "orbital-mechanics" };
  const account = { name: input.name, email: input.email };

  it("creates an unverified user whose password verifies and whose hash never leaves through findUserById", async () => {
    const user = await createPendingUser({ ...account, passwordHash: await hashPassword(input.password) });
    expect(user).toMatchObject({ name: input.name, email: input.email, emailVerified: null });
    expect(user).not.toHaveProperty("passwordHash");
    expect(await findUserById(user.id)).not.toHaveProperty("passwordHash");
    expect(await findAccountByEmail(input.email)).toEqual({ id: user.id, emailVerified: null });

    const credentials = await findCredentials(input.email);
    expect(await verifyPassword(credentials?.passwordHash ?? null, input.password)).toBe(true);
    expect(await verifyPassword(credentials?.passwordHash ?? null, "wrong-password")).toBe(false);
  });

  it("refuses a second account with the same email", async () => {
    await expect(createPendingUser({ ...account, name: "Someone Else", passwordHash: "x" })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("replaces only an account that is still unverified", async () => {
    const pending = await findAccountByEmail(input.email);
    await db.user.update({ where: { id: pending!.id }, data: { emailVerified: new Date() } });
    await expect(createPendingUser({ ...account, passwordHash: "x" }, pending!.id)).rejects.toBeInstanceOf(EmailTakenError);
    expect((await findAccountByEmail(input.email))?.id).toBe(pending!.id);
  });

  it("refuses any password for an unknown account, after the same work as a real check", async () => {
    expect(await verifyPassword(null, input.password)).toBe(false);
  });
});
