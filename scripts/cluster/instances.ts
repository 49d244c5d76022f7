/**
 * Several app instances on one machine, each the compiled server.ts (scripts/server/bundle.ts) in production mode on its own port
 * with one shared environment (DATABASE_URL included): start them, wait for /api/health, kill one
 * with SIGKILL, restart it, stop them all. Used by `npm run start:cluster` and the cluster tests;
 * it knows the app only by its command line and HTTP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { buildServer } from "../server/bundle";

export type InstancesOptions = {
  /** One port per instance; the instances are named a, b, c, … in this order. */
  ports: number[];
  /** The environment every instance shares; PORT and NODE_ENV are set per instance. */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  healthTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Each line the instances print, already prefixed with "[name] ". */
  output?: (line: string) => void;
  /** An instance exited that nobody asked to stop (a crash, or a kill from outside). */
  onUnexpectedExit?: (instance: Instance, code: number | null, signal: NodeJS.Signals | null) => void;
};

export type Instance = { name: string; port: number; url: string; pid: number | undefined; running: boolean };

export type Instances = {
  list: Instance[];
  urls: string[];
  /** SIGKILL, as a crash or the OOM killer would; resolves once the process is gone. */
  kill(name: string): Promise<void>;
  /** Starts a stopped or killed instance again and waits until it is healthy. */
  restart(name: string): Promise<void>;
  /** SIGTERM to all, then SIGKILL to what is left after stopTimeoutMs. */
  stop(): Promise<void>;
};

type Running = Instance & { child?: ChildProcess; exited?: Promise<void>; expectedExit: boolean; lastLines: string[] };

const NAMES = "abcdefghijklmnopqrstuvwxyz";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails clearly when a port is taken: a health check would otherwise pass against the wrong server. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${port} is already in use: stop what holds it or choose other ports` : `port ${port}: ${error.message}`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A killed group's last member may hold the port a moment longer than the process we waited for. */
async function waitForPortFree(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertPortFree(port);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/** Signals the instance's whole process group: npx and tsx do not pass every signal on to node. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startInstances(options: InstancesOptions): Promise<Instances> {
  const { ports, env, cwd = process.cwd(), healthTimeoutMs = 90_000, stopTimeoutMs = 5_000 } = options;
  const output = options.output ?? ((line) => process.stdout.write(`${line}\n`));
  if (ports.length < 1 || ports.length > NAMES.length) throw new Error(`start 1 to ${NAMES.length} instances, not ${ports.length}`);
  const serverBundle = buildServer();
  const instances: Running[] = ports.map((port, i) => ({
    name: NAMES[i]!,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: undefined,
    running: false,
    expectedExit: false,
    lastLines: [],
  }));
  // A test that dies must not leave servers behind: the groups are detached, so say goodbye here.
  const onExit = () => instances.forEach((instance) => instance.child && signalGroup(instance.child, "SIGKILL"));
  process.on("exit", onExit);

  function spawnInstance(instance: Running) {
    const child = spawn(process.execPath, [serverBundle], {
      cwd,
      env: { ...env, NODE_ENV: "production", PORT: String(instance.port) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, signalled as a whole
    });
    instance.child = child;
    instance.pid = child.pid;
    instance.running = true;
    instance.expectedExit = false;
    instance.lastLines = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        instance.lastLines = [...instance.lastLines.slice(-19), line];
        output(`[${instance.name}] ${line}`);
      });
    }
    instance.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        instance.running = false;
        output(`[${instance.name}] exited (${signal ?? `code ${code}`})`);
        if (!instance.expectedExit) options.onUnexpectedExit?.(instance, code, signal);
        resolve();
      }),
    );
  }

  async function waitUntilHealthy(instance: Running) {
    const deadline = Date.now() + healthTimeoutMs;
    let last = "no answer yet";
    while (Date.now() < deadline) {
      if (!instance.running) {
        throw new Error(`instance ${instance.name} (port ${instance.port}) exited before it was healthy; its last lines:\n${instance.lastLines.join("\n")}`);
      }
      try {
        const response = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(250);
    }
    throw new Error(`instance ${instance.name} (${instance.url}) was not healthy within ${healthTimeoutMs / 1000} s (last: ${last})`);
  }

  function find(name: string): Running {
    const instance = instances.find((candidate) => candidate.name === name);
    if (!instance) throw new Error(`no instance named "${name}" (there are ${instances.map((i) => i.name).join(", ")})`);
    return instance;
  }

  async function stopOne(instance: Running) {
    if (!instance.child || !instance.running) return;
    instance.expectedExit = true;
    signalGroup(instance.child, "SIGTERM");
    const stopped = await Promise.race([instance.exited!.then(() => true), sleep(stopTimeoutMs).then(() => false)]);
    if (!stopped) {
      output(`[${instance.name}] still running ${stopTimeoutMs / 1000} s after SIGTERM: SIGKILL`);
      signalGroup(instance.child, "SIGKILL");
      await instance.exited;
    }
    // tsx's node child may outlive npx by a moment; the group must be empty before the port is reused.
    signalGroup(instance.child, "SIGKILL");
  }

  async function stop() {
    await Promise.all(instances.map(stopOne));
    process.off("exit", onExit);
  }

  try {
    await Promise.all(instances.map((instance) => assertPortFree(instance.port)));
    instances.forEach(spawnInstance);
    await Promise.all(instances.map(waitUntilHealthy));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    list: instances,
    urls: instances.map((instance) => instance.url),
    async kill(name) {
      const instance = find(name);
      if (!instance.child || !instance.running) throw new Error(`instance ${name} is not running`);
      instance.expectedExit = true;
      signalGroup(instance.child, "SIGKILL");
      await instance.exited;
    },
    async restart(name) {
      const instance = find(name);
      if (instance.running) throw new Error(`instance ${name} is still running: kill or stop it first`);
      await waitForPortFree(instance.port, 5_000);
      spawnInstance(instance);
      await waitUntilHealthy(instance);
    },
    stop,
  };
}
