import { createPrismaClient, type PrismaClient } from "@/lib/shared/prisma-client";

/** A second, independent client on this test file's database: stands in for another app process. */
export function openDatabase(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("per-file-database.ts did not run");
  return createPrismaClient(url);
}
