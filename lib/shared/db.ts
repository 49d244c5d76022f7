import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import { env } from "./env";

// One client per process, kept on globalThis: dev-server hot reloads, and the module graphs of
// Next.js's route bundles and of the server's own code (server.ts), all reuse it.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
globalForPrisma.prisma = db;
