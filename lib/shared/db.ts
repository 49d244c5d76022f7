import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import { env } from "./env";

// One client per process, kept on globalThis so that dev-server hot reloads reuse it.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
