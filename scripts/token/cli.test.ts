import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { mintAsapToken } from "../../packages/asap-playwright/src/mint";

// The real CLI, as a child process, the way `npm run token` runs it: exit codes, stdout and stderr
// are what scripts rely on. Each spawn costs about a second, so tokens to explain are minted here.
const root = path.resolve(import.meta.dirname, "../..");
const SECRET = randomBytes(32).toString("base64url");
const KID = "cli-key";

type Result = { code: number | null; stdout: string; stderr: string };

function token(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/token/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, ASAP_SECRET: SECRET, DESK_TEST_CONTROL_TOKEN: undefined, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A one-line message on stderr, nothing on stdout, no stack frames. */
function expectUsageError(result: Result, message: RegExp) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^token: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at\s|\.ts:\d+/);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mintHere = (claims: Record<string, unknown> = {}, options: { now?: number; secret?: string } = {}) =>
  mintAsapToken(claims, { kid: KID, secret: options.secret ?? SECRET }, { now: options.now });

describe.concurrent("npm run token", { timeout: 60_000 }, () => {
  it("mints a token that decode reads back, with its times also as ISO times", async () => {
    const minted = await token(["mint", "--kid", KID, "--email", "ada@example.com", "--name", "Ada", "--ttl", "2m", "--jti", "jti-1"]);
    expect(minted.code, minted.stderr).toBe(0);
    expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

    const decoded = await token(["decode", minted.stdout.trim()]);
    expect(decoded.code, decoded.stderr).toBe(0);
    expect(decoded.stderr).toMatch(/not checked/);
    const { header, claims, times } = JSON.parse(decoded.stdout);
    expect(header).toEqual({ alg: "HS256", typ: "JWT", kid: KID });
    expect(claims).toMatchObject({ email: "ada@example.com", email_verified: true, name: "Ada", jti: "jti-1" });
    expect(claims.not_after - claims.not_before).toBe(120_000);
    expect(times.not_before).toEqual({ value: claims.not_before, unit: "ms", iso: new Date(claims.not_before).toISOString() });
  });

  it("lays --claims over the flags and defaults: a null claim is left out, any value is signed as given", async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const minted = await token(["mint", "--email", "flag@example.com", "--claims", `{"email":"json@example.com","jti":null,"plan":"pro","not_before":${seconds}}`]);
    expect(minted.code, minted.stderr).toBe(0);
    const claims = decodeJwt(minted.stdout.trim());
    expect(claims).toMatchObject({ email: "json@example.com", plan: "pro", not_before: seconds });
    expect(claims).not.toHaveProperty("jti");
    expect(decodeProtectedHeader(minted.stdout.trim())).not.toHaveProperty("kid");
  });

  it("explains offline a fresh token as accepted, check by check, exit 0", async () => {
    const result = await token(["explain", await mintHere(), "--kid", KID]);
    expect(result.code, result.stderr).toBe(0);
    for (const check of ["size", "format", "header", "key", "signature", "claims", "validity window", "clock", "replay"]) {
      expect(result.stdout).toMatch(new RegExp(`^✓ ${check} `, "m"));
    }
    expect(result.stdout).toMatch(/^accepted: tester@example\.com$/m);
  });

  it("refuses a token signed with another secret: SIGNATURE_INVALID, exit 1", async () => {
    const result = await token(["explain", await mintHere({}, { secret: randomBytes(32).toString("base64url") }), "--kid", KID, "--json"]);
    expect(result.code, result.stderr).toBe(1);
    const { checks, outcome } = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ ok: false, code: "SIGNATURE_INVALID" });
    expect(checks.at(-1)).toMatchObject({ check: "signature", passed: false });
  });

  it("refuses an expired token: TOKEN_EXPIRED, exit 1", async () => {
    const result = await token(["explain", await mintHere({}, { now: Date.now() - 20 * 60_000 }), "--kid", KID]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^✗ clock +TOKEN_EXPIRED: /m);
    expect(result.stdout).toMatch(/^· replay +not reached$/m);
    expect(result.stdout).toMatch(/^refused: TOKEN_EXPIRED$/m);
  });

  it("refuses not_before in seconds rather than milliseconds: CLAIM_INVALID, exit 1", async () => {
    const result = await token(["explain", await mintHere({ not_before: Math.floor(Date.now() / 1000) }), "--kid", KID]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^✗ claims +CLAIM_INVALID: .*not_before is in seconds/m);
    expect(result.stdout).toMatch(/^refused: CLAIM_INVALID$/m);
  });

  it("answers bad input with exit 2 and one line, never a stack trace", async () => {
    const [unknown, badJson, noSecret, notJwt] = await Promise.all([
      token(["frobnicate"]),
      token(["mint", "--claims", "{email:"]),
      token(["explain", await mintHere()], { ASAP_SECRET: undefined }),
      token(["decode", "not-a-jwt"]),
    ]);
    expectUsageError(unknown, /unknown command "frobnicate"/);
    expectUsageError(badJson, /--claims: not valid JSON/);
    expectUsageError(noSecret, /no signing secret: set ASAP_SECRET/);
    expectUsageError(notJwt, /decode: not a JWT/);
  });

  it("exits 3 when the Desk cannot be reached", async () => {
    const port = await closedPort();
    const result = await token(["explain", await mintHere(), "--desk", `http://127.0.0.1:${port}`, "--addon", "addon_demo"], { DESK_TEST_CONTROL_TOKEN: "t".repeat(32) });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toBe(`token: could not reach the Desk at http://127.0.0.1:${port}: ECONNREFUSED\n`);
  });

  it("makes an ES256 pair, mints with the private key and explains offline with the public one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "token-cli-"));
    const privateFile = path.join(dir, "shop.pem");
    const made = await token(["keygen", "--out", privateFile]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    const publicFile = path.join(dir, "shop.pub.pem");
    await import("node:fs").then((fs) => fs.writeFileSync(publicFile, made.stdout));

    const [minted, noAudience] = await Promise.all([
      token(["mint", "--private-key-file", privateFile, "--kid", "shop-1", "--aud", "addon_shop"]),
      token(["mint", "--private-key-file", privateFile, "--kid", "shop-1"]),
    ]);
    expect(minted.code, minted.stderr).toBe(0);
    expect(decodeProtectedHeader(minted.stdout.trim())).toEqual({ alg: "ES256", typ: "JWT", kid: "shop-1" });
    expect(decodeJwt(minted.stdout.trim()).aud).toBe("addon_shop");
    expect(noAudience.stderr).toContain("warning: no aud");
    const [accepted, again, confused, otherAddon] = await Promise.all([
      token(["explain", minted.stdout.trim(), "--public-key-file", publicFile, "--kid", "shop-1", "--aud", "addon_shop"]),
      token(["keygen", "--out", privateFile]),
      token(["explain", await mintAsapToken({}, { kid: "shop-1", secret: made.stdout }), "--public-key-file", publicFile, "--json"]),
      token(["explain", minted.stdout.trim(), "--public-key-file", publicFile, "--aud", "addon_other"]),
    ]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/^✓ signature +ES256 signature matches key shop-1$/m);
    expectUsageError(again, /exists; choose another --out/);
    // An HMAC keyed with the public key's PEM: refused before any signature is computed.
    expect(confused.code).toBe(1);
    expect(JSON.parse(confused.stdout).outcome).toMatchObject({ ok: false, code: "ALG_NOT_ALLOWED" });
    expect(otherAddon.code).toBe(1);
    expect(otherAddon.stdout).toMatch(/^refused: CLAIM_INVALID$/m);
  });

  it("refuses an --alg the key does not fix, and a secret given beside a private key", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "token-cli-"));
    const privateFile = path.join(dir, "ed.pem");
    expect((await token(["keygen", "--out", privateFile, "--alg", "EdDSA", "--jwk"])).stdout).toContain('"crv":"Ed25519"');
    const [mismatch, both, rsa] = await Promise.all([
      token(["mint", "--private-key-file", privateFile, "--alg", "ES256"]),
      token(["mint", "--private-key-file", privateFile, "--secret-env", "ASAP_SECRET"]),
      token(["mint", "--alg", "RS256"]),
    ]);
    expectUsageError(mismatch, /--alg ES256 does not match the key: this key signs EdDSA/);
    expectUsageError(both, /not --secret-env and --private-key-file/);
    expectUsageError(rsa, /--alg: RS256 is not supported/);
  });
});
