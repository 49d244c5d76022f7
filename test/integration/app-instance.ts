import { vi } from "vitest";

/**
 * Another app instance inside this test process: the app's modules evaluated afresh, so `db` and
 * everything built on it (limiters, stores) are that instance's own, with their own connections,
 * as on a second server sharing the database. Import the modules inside `load`.
 */
const PER_PROCESS: PropertyKey[] = ["prisma", Symbol.for("asap-jwt-helpcenter.hot-sql")];

export async function anotherAppInstance<T>(load: () => Promise<T>): Promise<T> {
  // lib/shared/db.ts and lib/shared/hot-sql.ts would reuse the connections they keep there.
  const global = globalThis as Record<PropertyKey, unknown>;
  const kept = PER_PROCESS.map((key) => [key, global[key]] as const);
  for (const key of PER_PROCESS) delete global[key];
  vi.resetModules();
  try {
    return await load();
  } finally {
    for (const [key, value] of kept) global[key] = value;
  }
}
