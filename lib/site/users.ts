import "server-only";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { db } from "@/lib/shared/db";

/** The user as the site's pages see it: never the password hash. */
export type SiteUser = { id: string; email: string; name: string; emailVerified: Date | null; createdAt: Date };

const publicFields = { id: true, email: true, name: true, emailVerified: true, createdAt: true } as const;

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

/** Whether an email has an account, and whether its owner has proved the address: for sign-up only. */
export function findAccountByEmail(email: string): Promise<{ id: string; emailVerified: Date | null } | null> {
  return db.user.findUnique({ where: { email }, select: { id: true, emailVerified: true } });
}

/**
 * A new account whose address nobody has proved yet. `replacing` names an earlier unverified account
 * for the same email, deleted in the same transaction: the new one gets a new id, so sessions of
 * whoever made the old one stop resolving, and the old one's links go with it (cascade).
 */
export async function createPendingUser(data: { email: string; name: string; passwordHash: string }, replacing?: string): Promise<SiteUser> {
  try {
    const create = db.user.create({ data: { ...data, emailVerified: null }, select: publicFields });
    if (!replacing) return await create;
    // Only while still unverified: an account verified meanwhile stays, and the create then fails.
    const [, user] = await db.$transaction([db.user.deleteMany({ where: { id: replacing, emailVerified: null } }), create]);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
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
