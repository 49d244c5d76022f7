import { DEFAULT_VALIDITY_MS, type AsapClaims } from "../../packages/asap-playwright/src/mint";
import { MAX_VALIDITY_MS } from "@/lib/desk/iam/claims";
import { parseClaimsJson, parseCommand, parseDuration, parseInstant } from "./args";
import { EXIT, UsageError } from "./errors";
import { readTextFile, SECRET_HELP, SECRET_OPTIONS, type Io } from "./io";
import { checkAlgorithm, PRIVATE_KEY_HELP, PRIVATE_KEY_OPTIONS, readSigningKey, signToken } from "./signing";

export const MINT_HELP = `Usage: npm run -s token -- mint [options]

Signs an ASAP new-flow token and prints it alone on stdout, so that TOKEN=$(npm run -s token -- mint ...) works.
Every claim has a working default (email tester@example.com, email_verified true, name Tester,
not_before now, not_after 5 minutes later, both in milliseconds, and a fresh jti).

Claims (later wins: defaults, then these flags, then --claims-file, then --claims):
  --email ADDRESS       the user's email address
  --name NAME           the user's display name
  --unverified          email_verified: false (the Desk refuses it: EMAIL_NOT_VERIFIED)
  --jti ID              the token's id (default: a random UUID)
  --not-before TIME     now, a relative time (-10m, +1h; write --not-before=-10m), an ISO time or milliseconds
  --ttl DURATION        not_after = not_before + DURATION, e.g. 5m, 90s (default 5m; the Desk allows 10m at most)
  --claims JSON         a JSON object laid over the claims; a claim set to null is left out,
                        any other value is signed as given (seconds, wrong types: to test refusals)
  --claims-file PATH    the same, from a file

Header and key:
  --kid KID             the key id shown in the portal (left out of the header when not given)
  --aud ADDON_ID        the add-on the token is for (aud): required by the Desk for ES256 and EdDSA tokens
  --alg ALG             HS256, ES256 or EdDSA: optional, as the key fixes it; a mismatch is an error
${SECRET_HELP}
${PRIVATE_KEY_HELP}

Exit codes: 0 the token was printed; 2 usage or input error (unknown flag, bad JSON, missing secret, unreadable file).

Examples:
  ASAP_SECRET=... npm run -s token -- mint --kid demo-key-1 --email ada@example.com --ttl 2m
  npm run -s token -- mint --private-key-file shop-es256.pem --kid shop-1 --email ada@example.com
`;

const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  unverified: { type: "boolean" },
  jti: { type: "string" },
  "not-before": { type: "string" },
  ttl: { type: "string" },
  claims: { type: "string" },
  "claims-file": { type: "string" },
  kid: { type: "string" },
  aud: { type: "string" },
  alg: { type: "string" },
  ...SECRET_OPTIONS,
  ...PRIVATE_KEY_OPTIONS,
  help: { type: "boolean", short: "h" },
} as const;

export async function mint(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("mint", argv, OPTIONS);
  if (values.help) {
    io.out(MINT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`mint: unexpected argument "${positionals[0]}" (claims are given with flags or --claims)`);

  const now = Date.now();
  const notBefore = values["not-before"] === undefined ? now : parseInstant("--not-before", values["not-before"], now);
  const validityMs = values.ttl === undefined ? DEFAULT_VALIDITY_MS : parseDuration("--ttl", values.ttl);
  if (validityMs === 0) throw new UsageError("--ttl: the token must be valid for some time, e.g. 5m");
  if (validityMs > MAX_VALIDITY_MS) io.err(`warning: a ${values.ttl} window is longer than the Desk allows (${MAX_VALIDITY_MS / 60_000}m): it will answer VALIDITY_TOO_LONG\n`);

  const claims: AsapClaims = {
    ...(values.email !== undefined && { email: values.email }),
    ...(values.name !== undefined && { name: values.name }),
    ...(values.unverified && { email_verified: false }),
    ...(values.jti !== undefined && { jti: values.jti }),
    ...(values.aud !== undefined && { aud: values.aud }),
    ...(values["claims-file"] !== undefined && parseClaimsJson("--claims-file", readTextFile("--claims-file", values["claims-file"]))),
    ...(values.claims !== undefined && parseClaimsJson("--claims", values.claims)),
  };
  const key = readSigningKey(values, io);
  checkAlgorithm(values.alg, key);
  if (key.algorithm !== "HS256" && claims.aud === undefined) {
    io.err(`warning: no aud: the Desk refuses an ${key.algorithm} token that does not name its add-on (CLAIM_MISSING); give --aud ADDON_ID\n`);
  }
  const token = await signToken(claims, values.kid ?? null, key, { now: notBefore, validityMs });
  io.out(`${token}\n`);
  return EXIT.ok;
}
