import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/shared/db";
import { hashPassword } from "@/lib/shared/passwords";
import type { SignUpInput } from "./validation";

/** The user as the site's pages see it: never the password hash. */
export type SiteUser = { id: string; email: string; name: string; emailVerified: Date | null; createdAt: Date };

const publicFields = { id: true, email: true, name: true, emailVerified: true, createdAt: true } as const;

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

export async function createUser(input: SignUpInput): Promise<SiteUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      // The demo has no mailbox to confirm against: a sign-up counts as verified at once.
      data: { email: input.email, name: input.name, passwordHash, emailVerified: new Date() },
      select: publicFields,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** For the credentials check only: the one place the hash leaves the database. */
export function findCredentials(email: string) {
  return db.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
}

export function findUserById(id: string): Promise<SiteUser | null> {
  return db.user.findUnique({ where: { id }, select: publicFields });
}
