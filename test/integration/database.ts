import { inject, onTestFinished } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/shared/prisma-client";
import { databaseForFile } from "./databases";

/** A second, independent client on this test file's database: stands in for another app process. */
export function openDatabase(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("per-file-database.ts did not run");
  return createPrismaClient(url);
}

/**
 * A client on a database of the calling test's own, migrated and empty, closed when the test ends:
 * for tests that need the whole database to themselves (the seed starts from an empty one).
 */
export async function openFreshDatabase(): Promise<PrismaClient> {
  const client = createPrismaClient(await databaseForFile(inject("templateDatabase")));
  onTestFinished(() => client.$disconnect());
  return client;
}
