import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import ipaddr from "ipaddr.js";
import { resolvedSimulatorConfigSchema, simulatorConfigSchema, type ResolvedSimulatorConfig } from "@/lib/contract/test-control";

/**
 * The simulator command's inputs: its flags, and its configuration (a JSON file, or the JSON in
 * DESK_SIMULATOR_CONFIG), checked against the contract's schema. Every problem is one readable
 * message naming the flag or the field, never a stack.
 */
export class SimulatorConfigError extends Error {
  override name = "SimulatorConfigError";
}

export type SimulatorOptions = {
  port: number;
  host: string;
  /** Where the configuration came from, for messages: the file's path or "DESK_SIMULATOR_CONFIG". */
  configSource: { file: string } | { env: string };
  /** Given with --control-token or DESK_TEST_CONTROL_TOKEN; generated (and printed) when absent. */
  controlToken: string | null;
  rebuild: boolean;
  /** --allow-remote: listen on a non-loopback address (and then refuse private legacy endpoints). */
  allowRemote: boolean;
};

export const USAGE = `Usage: npm run desk:simulator -- [--port 4010] [--host 127.0.0.1] [--config desk-simulator.json] [--control-token TOKEN] [--rebuild]

  --host           a loopback address (default 127.0.0.1); another only with --allow-remote, since the
                   simulator's seeded portal accounts have published passwords.

  --config         the add-ons to provision (JSON; see scripts/desk-simulator/example-config.json).
                   Without it, the JSON in DESK_SIMULATOR_CONFIG.
  --control-token  the test-control API's bearer token (32+ characters); else DESK_TEST_CONTROL_TOKEN; else generated.
  --rebuild        run \`next build\` even when a production build exists.`;

const TOKEN = /^[\x21-\x7e]{32,512}$/;

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === "loopback";
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): SimulatorOptions {
  const values = new Map<string, string>();
  let rebuild = false;
  let allowRemote = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--rebuild") {
      rebuild = true;
      continue;
    }
    if (arg === "--allow-remote") {
      allowRemote = true;
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!["--port", "--host", "--config", "--control-token"].includes(name)) throw new SimulatorConfigError(`Unknown argument "${arg}".\n\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new SimulatorConfigError(`${name} needs a value.\n\n${USAGE}`);
    values.set(name, value);
  }

  const portText = values.get("--port") ?? "4010";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65_535) throw new SimulatorConfigError(`--port must be a port number (1 to 65535), not "${portText}".`);
  const host = values.get("--host") ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw new SimulatorConfigError(`--host must be an address or host name, not "${host}".`);
  if (!allowRemote && !isLoopback(host)) {
    throw new SimulatorConfigError(
      `--host ${host} would let other machines reach the simulator, whose seeded portal accounts have published passwords. Use a loopback address, or add --allow-remote on a network you trust.`,
    );
  }

  const controlToken = values.get("--control-token") ?? (env.DESK_TEST_CONTROL_TOKEN || null);
  if (controlToken !== null && !TOKEN.test(controlToken)) {
    throw new SimulatorConfigError("The control token (--control-token or DESK_TEST_CONTROL_TOKEN) must be 32 to 512 visible ASCII characters, without spaces.");
  }

  const file = values.get("--config");
  const inEnv = env.DESK_SIMULATOR_CONFIG;
  if (!file && !inEnv) throw new SimulatorConfigError(`Give the add-ons to provision: --config <file>, or their JSON in DESK_SIMULATOR_CONFIG.\n\n${USAGE}`);
  return { port, host, configSource: file ? { file } : { env: inEnv ?? "" }, controlToken, rebuild, allowRemote };
}

export type LoadedConfig = {
  config: ResolvedSimulatorConfig;
  /** kids whose secret the simulator generated: the only secrets it prints. */
  generatedKids: string[];
};

const describeSource = (source: SimulatorOptions["configSource"]) => ("file" in source ? source.file : "DESK_SIMULATOR_CONFIG");

/** Reads and checks the configuration, and fills in a secret for every key that has none. */
export function loadSimulatorConfig(source: SimulatorOptions["configSource"], newSecret = () => randomBytes(32).toString("base64url")): LoadedConfig {
  const where = describeSource(source);
  let text: string;
  if ("file" in source) {
    try {
      text = readFileSync(source.file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SimulatorConfigError(`Cannot read the configuration file ${where}${code === "ENOENT" ? ": there is no such file" : ` (${code ?? "unreadable"})`}.`);
    }
  } else {
    text = source.env;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SimulatorConfigError(`The configuration in ${where} is not JSON: ${(error as Error).message}.`);
  }
  const parsed = simulatorConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(the whole file)"}: ${issue.message}`);
    throw new SimulatorConfigError(`The configuration in ${where} is not valid:\n${problems.join("\n")}\n\nSee scripts/desk-simulator/example-config.json.`);
  }

  const generatedKids: string[] = [];
  const addons = parsed.data.addons.map((addon) => ({
    ...addon,
    keys: addon.keys.map((key) => {
      if (key.secret !== undefined) return { kid: key.kid, secret: key.secret };
      generatedKids.push(key.kid);
      return { kid: key.kid, secret: newSecret() };
    }),
  }));
  return { config: resolvedSimulatorConfigSchema.parse({ addons }), generatedKids };
}
