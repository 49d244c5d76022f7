import pg from "pg";

const WAIT_MS = 10_000;

/**
 * Runs every piece of work at the same moment, for real (PostgreSQL only): a transaction locks
 * `table` against writes, the work starts, and the lock is let go only once each piece's first write
 * is queued behind it. So a test of "exactly one wins" cannot pass because the pieces happened to
 * run one after the other. Every piece must write to `table` before anything else it waits on.
 */
export async function raceOn<T>(table: string, work: Array<() => Promise<T>>): Promise<Array<PromiseSettledResult<T>>> {
  const gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  try {
    await gate.query("BEGIN");
    await gate.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`); // reads pass, writes queue
    const running = Promise.allSettled(work.map((piece) => piece()));
    // Every test file's database is a clone of one template, so table oids repeat across databases.
    const waiting = async () =>
      (
        await gate.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_locks
            WHERE NOT granted AND relation = $1::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [`"${table}"`],
        )
      ).rows[0]!.count;
    const deadline = Date.now() + WAIT_MS;
    while ((await waiting()) < work.length) {
      if (Date.now() > deadline) throw new Error(`only ${await waiting()} of ${work.length} racers reached "${table}"`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await gate.query("COMMIT");
    return await running;
  } finally {
    await gate.end(); // ends the transaction too, when something above failed
  }
}

/** The values of settled results, or a failed expectation listing every rejection. */
export function fulfilled<T>(results: Array<PromiseSettledResult<T>>): T[] {
  const reasons = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  if (reasons.length) throw new AggregateError(reasons, `${reasons.length} of ${results.length} failed: ${reasons.map(String).join("; ")}`);
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
