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
/** A unique email address for this test run. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${Date.now().toString(36)}-${process.pid}-${++counter}@example.com`;
}

/** A new user with a unique email, straight into the database: verified unless asked otherwise. */
export async function createAccount(label = "user", { verified = true }: { verified?: boolean } = {}): Promise<Account> {
  const email = uniqueEmail(label);
  const account = { email, password: "correct-horse-battery", name: `Test ${label} ${counter}` };
  await e2eDatabase().user.create({
    data: { email: account.email, name: account.name, passwordHash: await hash(account.password), emailVerified: verified ? new Date() : null },
  });
  return account;
}
