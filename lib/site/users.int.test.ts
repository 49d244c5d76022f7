import { describe, expect, it } from "vitest";
import { createUser, EmailTakenError, findCredentials, findUserById } from "./users";
import { verifyPassword } from "@/lib/shared/passwords";

describe("site users", () => {
  const input = { name: "Katherine Johnson", email: "katherine@example.com", password: "orbital-mechanics" };

  it("creates a verified user whose password verifies and whose hash never leaves through findUserById", async () => {
    const user = await createUser(input);
    expect(user).toMatchObject({ name: input.name, email: input.email });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user).not.toHaveProperty("passwordHash");
    expect(await findUserById(user.id)).not.toHaveProperty("passwordHash");

    const credentials = await findCredentials(input.email);
    expect(await verifyPassword(credentials?.passwordHash ?? null, input.password)).toBe(true);
    expect(await verifyPassword(credentials?.passwordHash ?? null, "wrong-password")).toBe(false);
  });

  it("refuses a second account with the same email", async () => {
    await expect(createUser({ ...input, name: "Someone Else" })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("refuses any password for an unknown account, after the same work as a real check", async () => {
    expect(await verifyPassword(null, input.password)).toBe(false);
  });
});
