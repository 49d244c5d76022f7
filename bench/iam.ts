/**
 * IAM benchmark (run: `npm run bench`). Prints, measured in this one run:
 *  1. verify throughput of the IAM verifier vs a bare crypto.createHmac check of the same tokens;
 *  2. jose with a cached CryptoKey vs a raw Uint8Array key (why the key ring caches CryptoKeys);
 *  3. mint-to-session latency: site-side minting + the full login (database checks and writes).
 * Ratios, not absolute numbers, are what to compare across machines.
 */
import { execFileSync } from "node:child_process";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compactVerify } from "jose";

const secret = randomBytes(32).toString("base64url");
const dir = mkdtempSync(path.join(tmpdir(), "asap-bench-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  DESK_MASTER_KEY: randomBytes(32).toString("base64url"),
  ASAP_ADDON_ID: "addon_bench",
  ASAP_JWT_KID: "bench-key",
  ASAP_JWT_SECRET: secret,
  DESK_BASE_URL: "http://localhost:3000",
  SITE_URL: "http://localhost:3000",
});

const { importHmacKey } = await import("@/lib/desk/keys/key-ring");
const { verifyAsapToken } = await import("@/lib/desk/iam/verify-token");
const { mintAsapToken } = await import("@/lib/site/asap/mint-asap-token");

async function throughput(label: string, tokens: string[], check: (token: string) => Promise<unknown> | unknown) {
  for (const token of tokens.slice(0, 200)) await check(token); // warm-up
  const start = performance.now();
  for (const token of tokens) await check(token);
  const seconds = (performance.now() - start) / 1000;
  const perSecond = tokens.length / seconds;
  console.log(`  ${label.padEnd(46)} ${perSecond.toFixed(0).padStart(8)} tokens/s`);
  return perSecond;
}

const user = { email: "bench@example.com", name: "Bench", emailVerified: true };
const N = 5_000;
const tokens = await Promise.all(Array.from({ length: N }, () => mintAsapToken(user, { secret, kid: "bench-key" }).then((m) => m.token)));

const cryptoKey = await importHmacKey(secret);
const rawKey = new TextEncoder().encode(secret);
const keys = {
  find: async (kid: string) => (kid === "bench-key" ? { id: "bench-key-id", kid, revokedAt: null, expiresAt: null, cryptoKey: async () => cryptoKey } : null),
  live: async () => [],
};
const secretBytes = Buffer.from(secret, "utf8");

console.log(`\nVerify throughput (${N} HS256 tokens, one core)`);
const bare = await throughput("bare createHmac + timingSafeEqual", tokens, (token) => {
  const dot = token.lastIndexOf(".");
  const expected = createHmac("sha256", secretBytes).update(token.slice(0, dot)).digest();
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
});
const iam = await throughput("IAM verifier (all rules, no replay store)", tokens, (token) =>
  verifyAsapToken(token, { keys, now: Date.now(), clockSkewSeconds: 60 }),
);
const withCryptoKey = await throughput("jose compactVerify, cached CryptoKey", tokens, (token) => compactVerify(token, cryptoKey));
const withRawKey = await throughput("jose compactVerify, raw Uint8Array key", tokens, (token) => compactVerify(token, rawKey));
console.log(`  ratio IAM verifier / bare HMAC:              ${(iam / bare).toFixed(2)}`);
console.log(`  ratio cached CryptoKey / raw Uint8Array key: ${(withCryptoKey / withRawKey).toFixed(2)}`);

// ── mint-to-session on a real (temporary) SQLite database ──────────────────────────────────────
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });
const { db } = await import("@/lib/shared/db");
const { sealSecret } = await import("@/lib/desk/keys/secret-box");
const { secretFingerprint } = await import("@/lib/desk/keys/fingerprint");
const { loginToAsap } = await import("@/lib/desk/iam/login");
const masterKey = Buffer.from(process.env.DESK_MASTER_KEY ?? "", "base64url");
await db.asapAddon.create({
  data: {
    id: "addon_bench",
    name: "Bench",
    origins: { create: [{ origin: "http://localhost:3000" }] },
    keys: { create: [{ kid: "bench-key", fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, "bench-key", masterKey) }] },
  },
});

const LOGINS = 300;
const latencies: number[] = [];
for (let i = 0; i < LOGINS; i++) {
  const start = performance.now();
  const { token } = await mintAsapToken({ ...user, email: `bench${i % 50}@example.com` }, { secret, kid: "bench-key" });
  await loginToAsap({
    addonId: "addon_bench",
    token,
    clientIp: `10.0.${Math.floor(i / 50)}.${i % 50}`, // stay under the per-address login throttle
    origin: "http://localhost:3000",
    deskOrigin: "http://localhost:4000",
  });
  latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const verifyMs = 1000 / iam;
console.log(`\nMint-to-session (${LOGINS} logins: mint, add-on + origin + throttle checks, verify, replay row, contact, session, log)`);
console.log(`  p50 ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   max ${at(1).toFixed(2)} ms`);
console.log(`  ratio p50 login / one verification:          ${(at(0.5) / verifyMs).toFixed(1)}`);

await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
