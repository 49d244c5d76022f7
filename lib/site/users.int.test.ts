import { randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/shared/db";
import { hashPassword, verifyPassword } from "@/lib/shared/passwords";
import { createPendingUser, EmailTakenError, findAccountByEmail, findCredentials, findUserById } from "./users";

// The real argon2, watched: the unknown-account check must do the work a real check does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});

const PASSWORD = "orbital-mechanics";
/** An account of its own for each test, so none depends on what another left behind. */
const newAccount = () => ({ name: "Katherine Johnson", email: `katherine-${randomUUID()}@example.com` });
/** An argon2 hash's algorithm, version and cost parameters: `argon2id$v=19$m=19456,t=2,p=1`. */
const costOf = (hash: string) => hash.split("$").slice(1, 4).join("$");

describe("site users", () => {
  it("creates an unverified user whose password verifies and whose hash never leaves through findUserById", async () => {
    const account = newAccount();
    const user = await createPendingUser({ ...account, passwordHash: await hashPassword(PASSWORD) });
    expect(user).toMatchObject({ ...account, emailVerified: null });
    expect(user).not.toHaveProperty("passwordHash");
    expect(await findUserById(user.id)).not.toHaveProperty("passwordHash");
    expect(await findAccountByEmail(account.email)).toEqual({ id: user.id, emailVerified: null });

    const credentials = await findCredentials(account.email);
    expect(await verifyPassword(credentials?.passwordHash ?? null, PASSWORD)).toBe(true);
    expect(await verifyPassword(credentials?.passwordHash ?? null, "wrong-password")).toBe(false);
  });

  it("refuses a second account with the same email", async () => {
    const account = newAccount();
    await createPendingUser({ ...account, passwordHash: "x" });
    await expect(createPendingUser({ ...account, name: "Someone Else", passwordHash: "y" })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("replaces only an account that is still unverified", async () => {
    const account = newAccount();
    const first = await createPendingUser({ ...account, passwordHash: "x" });

    const second = await createPendingUser({ ...account, passwordHash: "y" }, first.id);
    expect(second.id).not.toBe(first.id);
    expect(await findUserById(first.id)).toBeNull();

    await db.user.update({ where: { id: second.id }, data: { emailVerified: new Date() } });
    await expect(createPendingUser({ ...account, passwordHash: "z" }, second.id)).rejects.toBeInstanceOf(EmailTakenError);
    expect((await findAccountByEmail(account.email))?.id).toBe(second.id);
  });

  it("refuses any password for an unknown account, after the same work as a real check", async () => {
    const realHash = await hashPassword(PASSWORD);
    vi.mocked(verify).mockClear();

    const credentials = await findCredentials(newAccount().email);
    expect(credentials).toBeNull();
    expect(await verifyPassword(credentials?.passwordHash ?? null, PASSWORD)).toBe(false);

    // One argon2 verification, against a hash of the same algorithm and cost as a real account's.
    expect(verify).toHaveBeenCalledTimes(1);
    const [checkedHash] = vi.mocked(verify).mock.calls[0] ?? [];
    expect(typeof checkedHash).toBe("string");
    expect(costOf(String(checkedHash))).toBe(costOf(realHash));
    expect(costOf(realHash)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });
});
