import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { checkDatabase, describePostgresUrl } from "./readiness";

/** A loopback port nobody listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe("database readiness (PostgreSQL only)", () => {
  it("says nothing listens at an unreachable server's address, and never repeats the password", async () => {
    const port = await closedPort();
    const readiness = await checkDatabase(`postgresql://asap:hunter2-secret@127.0.0.1:${port}/asap`);
    expect(readiness).toEqual({
      ok: false,
      problem: `Cannot reach the PostgreSQL database at 127.0.0.1:${port}/asap: nothing listens at that address. Check that the server runs and that DATABASE_URL's host, port, database and credentials are right.`,
    });
  });

  it("describes a URL by host, port and database only", () => {
    expect(describePostgresUrl("postgresql://asap:hunter2-secret@db.internal/asap?sslmode=require")).toBe("db.internal:5432/asap");
  });
});
