import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { test as base, expect } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/shared/prisma-client";
import { startInstances, type Instances } from "../scripts/cluster/instances";
import { startProxy, type RunningProxy } from "../scripts/cluster/proxy";
import { ENV_FILE, LOG_FILE, type ClusterEnv } from "./run-env";

/**
 * Two production instances (a, b) on the shared database behind the round-robin proxy, once per
 * worker; specs may kill and restart them. `db` is the app's own client factory on the same URL, so
 * the specs read exactly what the instances wrote, on SQLite or PostgreSQL alike.
 */
export type Cluster = {
  instances: Instances;
  proxy: RunningProxy;
  databaseUrl: string;
  db: PrismaClient;
  /** Instances that died without a spec asking for it. */
  unexpectedExits: string[];
};

/** Free loopback ports, held all at once so that no two are the same. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(servers.map((server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)))));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const env = JSON.parse(readFileSync(ENV_FILE, "utf8")) as ClusterEnv;
      const [proxyPort, ...ports] = await freePorts(3);
      const publicUrl = `http://127.0.0.1:${proxyPort}`;
      const log = createWriteStream(LOG_FILE, { flags: "a" });
      const unexpectedExits: string[] = [];
      const instances = await startInstances({
        ports,
        env: { ...process.env, ...env, SITE_URL: publicUrl, DESK_BASE_URL: publicUrl },
        output: (line) => log.write(`${line}\n`),
        onUnexpectedExit: (instance, code, signal) => unexpectedExits.push(`${instance.name} (${signal ?? `code ${code}`})`),
      });
      const proxy = await startProxy({ upstreams: instances.urls, port: proxyPort, log: (line) => log.write(`[proxy] ${line}\n`) });
      const db = createPrismaClient(env.DATABASE_URL);
      try {
        await use({ instances, proxy, databaseUrl: env.DATABASE_URL, db, unexpectedExits });
      } finally {
        await proxy.close();
        await instances.stop();
        await db.$disconnect();
        log.end();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

export { expect };
