import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { asapDesk, mintAsapToken } from "asap-playwright";
import { deskURL } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { E2E_DIR } from "../support/database";

// `npm run token -- explain --desk`: the CLI against the cross-origin Desk of the e2e stack, through
// its test-control API. The offline checks and the exit codes are tested in scripts/token/cli.test.ts.
type Result = { code: number; stdout: string; stderr: string };

/** The CLI as `npm run token` runs it, with its exit code rather than an exception. */
function runToken(args: string[], env: Record<string, string>): Promise<Result> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  return new Promise((resolve) => {
    execFile(tsx, ["--conditions=react-server", "scripts/token/main.ts", ...args], { env: { ...process.env, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
    });
  });
}

const controlToken = () => (JSON.parse(readFileSync(path.join(E2E_DIR, "env.json"), "utf8")) as { DESK_TEST_CONTROL_TOKEN: string }).DESK_TEST_CONTROL_TOKEN;

test.describe("npm run token -- explain --desk", () => {
  test("asks the running Desk: a token signed with the add-on's key is accepted, one signed with another is refused", async () => {
    const token = controlToken();
    const key = { kid: `cli-${randomUUID().slice(0, 8)}`, secret: randomBytes(32).toString("base64url") };
    const { addon } = await asapDesk({ url: deskURL, token }).createAddon({ origins: ["http://localhost:3000"], key });
    const explainOnDesk = ["explain", "--desk", deskURL, "--addon", addon.id];
    const env = { DESK_TEST_CONTROL_TOKEN: token, ASAP_SECRET: key.secret };

    const minted = await runToken(["mint", "--kid", key.kid, "--email", "cli@example.com"], env);
    expect(minted.code, minted.stderr).toBe(0);
    const accepted = await runToken([...explainOnDesk, minted.stdout.trim()], env);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/^✓ signature +HS256 signature matches key cli-/m);
    expect(accepted.stdout).toMatch(/^✓ replay +jti .* not used before$/m);
    expect(accepted.stdout).toMatch(/^accepted: cli@example\.com$/m);

    const forged = await mintAsapToken({}, { kid: key.kid, secret: randomBytes(32).toString("base64url") });
    const refused = await runToken([...explainOnDesk, forged, "--json"], env);
    expect(refused.code, refused.stderr).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: { ok: false, code: "SIGNATURE_INVALID" } });
  });

  test("exits 2 with one line when the Desk refuses the control token", async () => {
    const result = await runToken(["explain", "--desk", deskURL, "--addon", "addon_demo", "a.b.c"], { DESK_TEST_CONTROL_TOKEN: "x".repeat(40) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^token: the Desk refused the control token: check --control-token-env \(TEST_CONTROL_UNAUTHORIZED: [^\n]*\)\n$/);
  });
});
