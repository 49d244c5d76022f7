import { vi } from "vitest";

/**
 * Another app instance inside this test process: the app's modules evaluated afresh, so `db` and
 * everything built on it (limiters, stores) are that instance's own, with their own connections,
 * as on a second server sharing the database. Import the modules inside `load`.
 */
export async function anotherAppInstance<T>(load: () => Promise<T>): Promise<T> {
  const global = globalThis as { prisma?: unknown };
  const first = global.prisma;
  delete global.prisma; // lib/shared/db.ts would reuse the client it keeps there for hot reloads
  vi.resetModules();
  try {
    return await load();
  } finally {
    global.prisma = first;
  }
}
