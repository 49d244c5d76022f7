import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSimulatorConfig, parseArgs, SimulatorConfigError } from "./config";

const dir = mkdtempSync(path.join(tmpdir(), "desk-simulator-config-"));
const fileWith = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { file };
};

function problem(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatorConfigError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n\s+at /); // a sentence, never a stack
    return message;
  }
  throw new Error("expected a SimulatorConfigError");
}

const SECRET = "s".repeat(43);

describe("the simulator's configuration", () => {
  it("reads the example configuration, and generates a secret only for the key without one", () => {
    const { config, generatedKids } = loadSimulatorConfig({ file: path.resolve(import.meta.dirname, "example-config.json") }, () => "g".repeat(43));
    expect(config.addons.map((addon) => addon.id)).toEqual(["addon_myapp", "addon_generated_key", "addon_anonymous"]);
    expect(generatedKids).toEqual(["generated-key"]);
    expect(config.addons[1]?.keys).toEqual([{ kid: "generated-key", secret: "g".repeat(43) }]);
    expect(config.addons[0]?.keys[0]?.secret).toBe("replace-me-with-the-secret-your-tests-sign-with-0123456789");
  });

  it("reads the JSON in DESK_SIMULATOR_CONFIG", () => {
    const { config } = loadSimulatorConfig({ env: JSON.stringify({ addons: [{ id: "addon_env", origins: [] }] }) });
    expect(config.addons[0]).toMatchObject({ id: "addon_env", keys: [] });
  });

  it("says a missing file is missing", () => {
    expect(problem(() => loadSimulatorConfig({ file: path.join(dir, "nope.json") }))).toContain("there is no such file");
  });

  it("says a file that is not JSON is not JSON, naming the file", () => {
    const source = fileWith("broken.json", "{ addons: [");
    expect(problem(() => loadSimulatorConfig(source))).toContain(`The configuration in ${source.file} is not JSON`);
  });

  it("names each bad field: an origin with a path, a short secret, an unknown field", () => {
    const source = fileWith(
      "bad.json",
      JSON.stringify({ addons: [{ id: "addon_a", origins: ["http://localhost:3000/app"], keys: [{ kid: "k1", secret: "short" }], colour: "red" }] }),
    );
    const message = problem(() => loadSimulatorConfig(source));
    expect(message).toContain("addons.0.origins.0: an allowed origin is scheme://host[:port]");
    expect(message).toContain("addons.0.keys.0.secret: a signing secret has at least 32 characters");
    expect(message).toContain('Unrecognized key: "colour"');
    expect(message).not.toContain("short");
  });

  it("refuses an add-on id or a kid given twice, and a configuration without add-ons", () => {
    const twice = fileWith(
      "twice.json",
      JSON.stringify({ addons: [{ id: "a", origins: [], keys: [{ kid: "k", secret: SECRET }] }, { id: "a", origins: [], keys: [{ kid: "k", secret: SECRET }] }] }),
    );
    const message = problem(() => loadSimulatorConfig(twice));
    expect(message).toContain('addons.1.id: add-on id "a" is given twice');
    expect(message).toContain('addons.1.keys.0.kid: kid "k" is given twice');
    expect(problem(() => loadSimulatorConfig({ env: JSON.stringify({ addons: [] }) }))).toContain("addons: name at least one add-on");
  });
});

describe("the simulator's arguments", () => {
  it("defaults to 127.0.0.1:4010 and takes --flag value or --flag=value", () => {
    expect(parseArgs(["--config", "c.json"], {})).toEqual({ port: 4010, host: "127.0.0.1", configSource: { file: "c.json" }, controlToken: null, rebuild: false, allowRemote: false });
    const token = "t".repeat(32);
    expect(parseArgs(["--port=4111", "--config=c.json", `--control-token=${token}`, "--rebuild"], {})).toMatchObject({ port: 4111, controlToken: token, rebuild: true });
    expect(parseArgs([], { DESK_SIMULATOR_CONFIG: "{}", DESK_TEST_CONTROL_TOKEN: token })).toMatchObject({ configSource: { env: "{}" }, controlToken: token });
  });

  it("refuses a bad port, a short token, an unknown flag and a missing configuration, with the usage", () => {
    expect(problem(() => parseArgs(["--port", "80a", "--config", "c"], {}))).toContain('--port must be a port number (1 to 65535), not "80a"');
    expect(problem(() => parseArgs(["--config", "c", "--control-token", "short"], {}))).toContain("32 to 512 visible ASCII characters");
    expect(problem(() => parseArgs(["--cofnig", "c"], {}))).toContain('Unknown argument "--cofnig"');
    expect(problem(() => parseArgs([], {}))).toContain("Usage: npm run desk:simulator");
    expect(problem(() => parseArgs(["--config"], {}))).toContain("--config needs a value");
  });

  it("listens beyond loopback only when told to, its seeded portal passwords being public", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost"]) expect(parseArgs(["--config", "c", "--host", host], {}).host).toBe(host);
    for (const host of ["0.0.0.0", "192.168.1.20", "::", "desk.example.com"]) {
      expect(problem(() => parseArgs(["--config", "c", "--host", host], {}))).toContain("--allow-remote");
    }
    expect(parseArgs(["--config", "c", "--host", "0.0.0.0", "--allow-remote"], {})).toMatchObject({ host: "0.0.0.0", allowRemote: true });
  });
});
