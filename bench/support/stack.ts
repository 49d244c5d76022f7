/**
 * The production stack the e2e suite runs (scripts/e2e-server.ts: seeded SQLite, `next build`, the
 * app's own server on three ports), started for a benchmark and stopped when it exits.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePorts } from "./free-ports";

export type Stack = {
  /** The site (and its same-origin Desk). */
  base: string;
  /** The second process: the Desk the site's widget loads from, on another origin. */
  desk: string;
  /** What the e2e server shares with specs: the database, the add-on's signing secret and kid. */
  env: { DATABASE_URL: string; ASAP_JWT_SECRET: string; ASAP_JWT_KID: string };
  /** Cookies of the seeded demo user, signed in through Auth.js's own endpoints. */
  signIn(): Promise<string>;
  stop(): void;
};

export async function startStack(): Promise<Stack> {
  const [port, deskPort, legacyPort] = (await freePorts(3)).map(String) as [string, string, string];
  const base = `http://localhost:${port}`;
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, PORT: port, DESK_PORT: deskPort, LEGACY_PORT: legacyPort, ...(process.env.BENCH_SKIP_BUILD === "1" ? { E2E_SKIP_BUILD: "1" } : {}) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-(child.pid ?? 0), "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  // Ctrl-C or a kill ends this process without "exit" handlers' chance: stop the stack first.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }

  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("the server did not start within 5 minutes");
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const env = JSON.parse(readFileSync(path.resolve(".tmp/e2e/env.json"), "utf8")) as Stack["env"];

  async function signIn(): Promise<string> {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "northwind-demo", callbackUrl: "/" }),
    });
    return [csrfCookie, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  }

  return { base, desk: `http://127.0.0.1:${deskPort}`, env, signIn, stop };
}
