import "server-only";
import { randomUUID } from "node:crypto";
import type { Contact } from "@/lib/contract/desk-api/common-schemas";
import { query, type SqlSteps } from "@/lib/shared/database/sql-steps";

/**
 * The contact a login's claims name, made on their first login, in the login's transaction: one
 * statement. A name in the token replaces the stored one; without one, a new contact is named after
 * their email's local part and an existing one keeps theirs.
 */
export function* upsertContact(claims: { email: string; name?: string }): SqlSteps<Contact> {
  const now = new Date();
  const id = randomUUID();
  const rows = claims.name
    ? yield* query<Contact>`INSERT INTO "Contact" ("id", "email", "name", "createdAt", "updatedAt") VALUES (${id}, ${claims.email}, ${claims.name}, ${now}, ${now})
        ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name", "updatedAt" = excluded."updatedAt" RETURNING "id", "email", "name"`
    : yield* query<Contact>`INSERT INTO "Contact" ("id", "email", "name", "createdAt", "updatedAt") VALUES (${id}, ${claims.email}, ${claims.email.split("@")[0] || claims.email}, ${now}, ${now})
        ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email" RETURNING "id", "email", "name"`;
  const [contact] = rows;
  if (!contact) throw new Error("The contact upsert returned no row");
  return contact;
}
