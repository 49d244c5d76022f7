import path from "node:path";
import { hash } from "@node-rs/argon2";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

/** The e2e server's database (scripts/e2e-server.ts), for arranging data the UI is not testing. */
export const E2E_DIR = path.resolve(".tmp/e2e");

let client: PrismaClient | undefined;
export function e2eDatabase(): PrismaClient {
  client ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${path.join(E2E_DIR, "e2e.db")}`, timeout: 5_000 }) });
  return client;
}

export type Account = { email: string; password: string; name: string };

let counter = 0;
/** A new verified user with a unique email, straight into the database. */
export async function createAccount(label = "user"): Promise<Account> {
  const unique = `${Date.now().toString(36)}-${process.pid}-${++counter}`;
  const account = { email: `${label}-${unique}@example.com`, password: "correct-horse-battery", name: `Test ${label} ${counter}` };
  await e2eDatabase().user.create({
    data: { email: account.email, name: account.name, passwordHash: await hash(account.password), emailVerified: new Date() },
  });
  return account;
}
