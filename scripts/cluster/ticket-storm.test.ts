import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { benchmarkAddress, runTicketStorm, serverErrorsOutsideKill } from "./ticket-storm";

// Two fake "instances" on loopback sharing one store, as two app instances share one database; the
// real app is exercised by e2e-cluster/. Here: the driver's own rules (keys, retries, the kill window).
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

type Fault = (key: string, attempt: number) => "lose-answer" | "drop-connection" | "ok";

async function fakeCluster(fault: Fault = () => "ok") {
  const tickets = new Map<string, { id: string; number: number; addresses: Set<string> }>();
  const attempts = new Map<string, number>();
  const seenBy: Array<{ server: number; key: string }> = [];
  const urls = await Promise.all(
    [0, 1].map(async (serverIndex) => {
      const server = createServer((request, response) => {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk));
        request.on("end", () => {
          const key = String(request.headers["idempotency-key"]);
          const attempt = (attempts.get(key) ?? 0) + 1;
          attempts.set(key, attempt);
          seenBy.push({ server: serverIndex, key });
          JSON.parse(body); // a body that is not JSON would throw here and fail the test
          let ticket = tickets.get(key);
          if (!ticket) tickets.set(key, (ticket = { id: `t-${key}`, number: 1000 + tickets.size, addresses: new Set() }));
          ticket.addresses.add(String(request.headers["x-forwarded-for"]));
          const what = fault(key, attempt);
          if (what === "drop-connection") return request.socket.destroy();
          if (what === "lose-answer") return response.writeHead(500, { "Content-Type": "application/json" }).end('{"error":{"code":"INTERNAL"}}');
          response.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ ticket: { id: ticket.id, number: ticket.number } }));
        });
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }),
  );
  return { urls, tickets, seenBy };
}

describe("ticket storm", () => {
  it("retries a lost answer or a dropped connection with the same key, on the other instance", async () => {
    const fake = await fakeCluster((key, attempt) => (attempt > 1 ? "ok" : key.endsWith("-3") ? "lose-answer" : key.endsWith("-5") ? "drop-connection" : "ok"));
    const report = await runTicketStorm({ baseUrls: fake.urls, total: 12, concurrency: 4, runId: "unit1" });

    expect(report.unacknowledged).toEqual([]);
    expect(report.acknowledged.map((ticket) => ticket.key)).toEqual(Array.from({ length: 12 }, (_, i) => `unit1-${i}`));
    expect(fake.tickets.size).toBe(12);
    expect(report.retries).toBe(2);
    expect(report.errors.map((error) => [error.key, error.status ?? "connection", error.phase])).toEqual(
      expect.arrayContaining([
        ["unit1-3", 500, "before-kill"],
        ["unit1-5", "connection", "before-kill"],
      ]),
    );
    const servedBy = (key: string) => fake.seenBy.filter((seen) => seen.key === key).map((seen) => seen.server);
    expect(servedBy("unit1-3")).toEqual([1, 0]); // ticket 3 starts on the second URL, retries on the first
    expect([...fake.tickets.get("unit1-3")!.addresses]).toEqual([benchmarkAddress(3)]); // one client per ticket, across retries
  });

  it("kills and restarts an instance after the given share, and dates errors against the kill window", async () => {
    let down = false;
    const fake = await fakeCluster(() => (down ? "lose-answer" : "ok"));
    const calls: string[] = [];
    const instances = {
      kill: async (name: string) => {
        calls.push(`kill ${name}`);
        down = true;
      },
      restart: async (name: string) => {
        calls.push(`restart ${name}`);
        down = false;
      },
    };
    const report = await runTicketStorm({ baseUrls: fake.urls, total: 40, concurrency: 5, runId: "unit2", kill: { afterFraction: 0.3, instance: "b", instances, downMs: 50, graceMs: 10_000 } });

    expect(calls).toEqual(["kill b", "restart b"]);
    expect(report.acknowledged).toHaveLength(40);
    // Down for downMs: Date.now() and the timer each round to a millisecond, so 2 ms of slack.
    expect(report.kill?.healthyAtMs).toBeGreaterThanOrEqual(report.kill!.killedAtMs + 50 - 2);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((error) => error.phase === "during-kill")).toBe(true);
    expect(serverErrorsOutsideKill(report)).toEqual([]);
  });

  it("gives up on a ticket after its attempts and reports why, and stops at the deadline", async () => {
    const fake = await fakeCluster(() => "lose-answer");
    const report = await runTicketStorm({ baseUrls: fake.urls, total: 3, concurrency: 3, runId: "unit3", maxAttempts: 2 });
    expect(report.acknowledged).toEqual([]);
    expect(report.unacknowledged.map((ticket) => ticket.reason)).toEqual(Array(3).fill("out of attempts"));
    expect(serverErrorsOutsideKill(report)).toHaveLength(6);

    const late = await runTicketStorm({ baseUrls: fake.urls, total: 3, concurrency: 1, runId: "unit4", deadlineMs: 0 });
    expect(late.unacknowledged.every((ticket) => ticket.reason.startsWith("deadline passed"))).toBe(true);
  });

  it("spreads client addresses over 198.18.0.0/15", () => {
    expect([0, 1, 255, 65_535, 131_069, 131_070, 131_071].map(benchmarkAddress)).toEqual([
      "198.18.0.1",
      "198.18.0.2",
      "198.18.1.0",
      "198.19.0.0",
      "198.19.255.254",
      "198.19.255.255",
      "198.18.0.1",
    ]);
  });
});
