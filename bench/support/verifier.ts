/**
 * The IAM verifier against bare jose compactVerify with a cached CryptoKey, both in this process.
 * Run before the stack starts: a quiet machine and a fresh heap, so the ratio is the two arms' and
 * not what a `next build` or the load tests left behind.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compactVerify, jwtVerify } from "jose";
import type { RingKey } from "@/lib/desk/keys/key-ring";
import { median, type Figure } from "./report";

const SECTION = "Verifier, one process, 32 in flight";
const FLOOR = "jose compactVerify, cached CryptoKey";
const IN_FLIGHT = 32;
// Many short rounds, the arms alternated, the median of the rounds' ratios: a moment of the
// machine's other work weighs on one round only.
const ROUNDS = 12;
const PER_ROUND = 4_000;

export async function verifierFigures(): Promise<Figure[]> {
  const secret = randomBytes(32).toString("base64url");
  const kid = "bench-key";
  // What importing the Desk's modules validates (no database is opened), put back afterwards: the
  // stack this process starts next inherits its environment.
  const deskEnv = {
    DATABASE_URL: `file:${path.join(tmpdir(), "asap-bench-unused.db")}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DESK_MASTER_KEY: randomBytes(32).toString("base64url"),
    ASAP_ADDON_ID: "addon_bench",
    ASAP_JWT_KID: kid,
    ASAP_JWT_SECRET: secret,
    DESK_BASE_URL: "http://localhost:3000",
    SITE_URL: "http://localhost:3000",
  };
  const before = Object.entries(deskEnv).map(([name]) => [name, process.env[name]] as const);
  Object.assign(process.env, deskEnv);
  try {
    return await measure(secret, kid);
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function measure(secret: string, kid: string): Promise<Figure[]> {
  const { importHmacKey } = await import("@/lib/desk/keys/key-ring");
  const { verifyAsapToken } = await import("@/lib/desk/iam/verify-token");
  const cryptoKey = await importHmacKey(secret);
  // A key ring holding its one key, imported once, as the floor holds its CryptoKey (and as
  // lib/desk/keys/key-ring.ts keeps each key's import).
  const imported = Promise.resolve(cryptoKey);
  const ringKey: RingKey = { id: "bench-key-id", kid, algorithm: "HS256", source: "generated", revokedAt: null, expiresAt: null, cryptoKey: () => imported };
  const keys = { find: async (wanted: string) => (wanted === kid ? ringKey : null), live: async () => [] };

  const header = encode({ alg: "HS256", typ: "JWT", kid });
  let minted = 0;
  /** A token as the site mints it, flat as a request body's JSON.parse leaves it. */
  const freshToken = () => {
    const now = Date.now();
    const input = `${header}.${encode({ email: `bench${minted++ % 200}@example.com`, email_verified: true, name: "Bench", not_before: now, not_after: now + 300_000, jti: randomUUID() })}`;
    return flat(`${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`);
  };
  const arms = {
    jose: (token: string) => compactVerify(token, cryptoKey),
    iam: (token: string) => verifyAsapToken(token, { keys, now: Date.now(), clockSkewSeconds: 60 }),
    joseJwt: (token: string) => jwtVerify(token, cryptoKey), // jose's own (few) claim checks
  };
  type Arm = keyof typeof arms;
  const names = Object.keys(arms) as Arm[];

  for (const name of names) await verifyRate(Array.from({ length: PER_ROUND }, freshToken), arms[name]); // warm-up
  const rounds: Array<Record<Arm, number>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const tokens = Array.from({ length: PER_ROUND }, freshToken);
    const rates = {} as Record<Arm, number>;
    for (const name of round % 2 === 0 ? names : [...names].reverse()) rates[name] = await verifyRate(tokens, arms[name]);
    rounds.push(rates);
  }

  /** An arm of the rounds against bare jose: the medians of its rates and of its per-round ratios. */
  const figure = (label: string, arm: Arm, goal?: number): Figure => {
    const ratio = median(rounds.map((r) => r[arm] / r.jose));
    return {
      section: SECTION,
      label,
      value: median(rounds.map((r) => r[arm])),
      unit: "tokens/s",
      floorLabel: FLOOR,
      floor: median(rounds.map((r) => r.jose)),
      ratio,
      ...(goal ? { goal: `≥ ${goal}×`, met: ratio >= goal } : {}),
    };
  };
  return [figure("IAM verifier (every rule, no replay store)", "iam", 0.8), figure("for reference: jose jwtVerify (its own claim checks)", "joseJwt")];
}

async function verifyRate(tokens: string[], check: (token: string) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < tokens.length) await check(tokens[next++] ?? "");
    }),
  );
  return tokens.length / ((performance.now() - started) / 1000);
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A string built by concatenation is a rope until first read; whichever arm read it first would pay for flattening it. */
const flat = (text: string) => Buffer.from(text, "latin1").toString("latin1");
