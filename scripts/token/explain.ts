import type { Explanation } from "@/lib/desk/iam/explanation";
import { MAX_CLOCK_SKEW_SECONDS } from "@/lib/desk/iam/limits";
import { CHECKS } from "@/lib/desk/iam/verify-token";
import { onePositional, parseCommand, parseDuration } from "./args";
import { EXIT, UsageError } from "./errors";
import { explainOnDesk } from "./explain-desk";
import { parsePublicKey, PublicKeyError } from "@/lib/desk/keys/public-key";
import { explainOffline, type OfflineKey } from "./explain-offline";
import { readSecret, readTextFile, readToken, SECRET_HELP, SECRET_OPTIONS, secretFlagGiven, type Io } from "./io";

export const DEFAULT_CONTROL_TOKEN_ENV = "DESK_TEST_CONTROL_TOKEN";

export const EXPLAIN_HELP = `Usage: npm run -s token -- explain [TOKEN | -] [options]

Runs the Desk's checks on a token, as the portal's debugger does: ${CHECKS.join(", ")}.
Prints one line per check (✓ passed, ✗ failed, · not reached) and the outcome, or JSON with --json.
The token comes from the argument, or from stdin when it is absent or "-".

Offline (the default): the Desk's own verifier, run here with the secret or public key you give.
  --kid KID             the key's kid; a token naming another kid is refused (KEY_NOT_FOUND).
                        Without --kid, any kid the token names is taken as this key's.
  --skew DURATION       the add-on's clock tolerance each way (default 60s, at most ${MAX_CLOCK_SKEW_SECONDS}s)
  --allow-no-jti        as an add-on with "require jti" off (new add-ons require one)
  --aud ADDON_ID        the add-on's id, which the token's aud must name (required with --public-key-file);
                        without it, aud is not checked
${SECRET_HELP}
  --public-key-file PATH  check an ES256 or EdDSA token with this public key (PEM or JWK) instead of a secret
  Offline, the replay check cannot know which jti the Desk has seen, and the add-on's own settings
  (JWT mode, flows, allowed origins) are not checked.

Against a running Desk simulator (its test-control API, docs/test-control-api.md):
  --desk URL            the Desk's base URL, e.g. http://127.0.0.1:4010
  --addon ID            the add-on whose keys and settings apply
  --control-token-env NAME   the environment variable holding the test-control token (default: ${DEFAULT_CONTROL_TOKEN_ENV})

  --json                print { header, claims, checks, outcome } as JSON instead
  -h, --help            this help

Exit codes: 0 the token would be accepted; 1 it is refused (the outcome line says why);
2 usage or input error (unknown flag, missing secret, unreadable file, unknown add-on, refused control token);
3 --desk: the Desk could not be reached, or answered unexpectedly.

Examples:
  ASAP_SECRET=... npm run -s token -- explain "$TOKEN" --kid demo-key-1
  npm run -s token -- explain "$TOKEN" --desk http://127.0.0.1:4010 --addon addon_demo
`;

const OPTIONS = {
  kid: { type: "string" },
  skew: { type: "string" },
  "allow-no-jti": { type: "boolean" },
  aud: { type: "string" },
  ...SECRET_OPTIONS,
  "public-key-file": { type: "string" },
  desk: { type: "string" },
  addon: { type: "string" },
  "control-token-env": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const OFFLINE_ONLY = ["kid", "skew", "allow-no-jti", "aud", "secret-env", "secret-file", "secret", "public-key-file"] as const;

export async function explain(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("explain", argv, OPTIONS);
  if (values.help) {
    io.out(EXPLAIN_HELP);
    return EXIT.ok;
  }
  const argument = onePositional("explain", positionals);
  let explanation: Explanation;
  let offline = false;
  if (values.desk !== undefined) {
    const misplaced = OFFLINE_ONLY.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`explain: --${misplaced} is for offline explain; with --desk the add-on's own keys and settings apply`);
    if (!values.addon) throw new UsageError("explain: --desk needs --addon ID, the add-on whose keys apply");
    const tokenEnv = values["control-token-env"] ?? DEFAULT_CONTROL_TOKEN_ENV;
    const controlToken = io.env[tokenEnv];
    if (!controlToken) throw new UsageError(`explain: no test-control token: set ${tokenEnv}${values["control-token-env"] ? "" : ", or name another variable with --control-token-env"}`);
    const token = await readToken("explain", argument, io);
    explanation = await explainOnDesk(values.desk, values.addon, controlToken, token);
  } else {
    const online = (["addon", "control-token-env"] as const).find((flag) => values[flag] !== undefined);
    if (online) throw new UsageError(`explain: --${online} needs --desk URL`);
    const key = await readOfflineKey(values, io);
    const token = await readToken("explain", argument, io);
    offline = true;
    explanation = await explainOffline(token, { key, kid: values.kid, audience: values.aud, clockSkewSeconds: skewSeconds(values.skew), requireJti: !values["allow-no-jti"] });
  }

  if (values.json) io.out(`${JSON.stringify(explanation, null, 2)}\n`);
  else io.out(formatExplanation(explanation, offline));
  return explanation.outcome.ok ? EXIT.ok : EXIT.refused;
}

/** The secret, or the public key from --public-key-file (not both). */
async function readOfflineKey(values: { "public-key-file"?: string; "secret-env"?: string; "secret-file"?: string; secret?: string }, io: Io): Promise<OfflineKey> {
  const file = values["public-key-file"];
  if (file === undefined) return { secret: readSecret(values, io) };
  const secretFlag = secretFlagGiven(values);
  if (secretFlag) throw new UsageError(`explain: give a secret or a public key, not --${secretFlag} and --public-key-file`);
  try {
    return { publicKey: await parsePublicKey(readTextFile("--public-key-file", file)) };
  } catch (error) {
    if (error instanceof PublicKeyError) throw new UsageError(`--public-key-file: ${error.message}`);
    throw error;
  }
}

function skewSeconds(text: string | undefined): number {
  if (text === undefined) return 60;
  const ms = parseDuration("--skew", text);
  if (ms % 1000 !== 0 || ms > MAX_CLOCK_SKEW_SECONDS * 1000) throw new UsageError(`--skew: the Desk takes whole seconds from 0 to ${MAX_CLOCK_SKEW_SECONDS}s, not ${text}`);
  return ms / 1000;
}

/** One line per check, in the verifier's order, then the outcome. */
export function formatExplanation({ checks, outcome }: Explanation, offline: boolean): string {
  const width = Math.max(...CHECKS.map((check) => check.length), ...checks.map((c) => c.check.length));
  const lines = checks.map((c) => `${c.passed ? "✓" : "✗"} ${c.check.padEnd(width)}  ${c.detail}`);
  const reached = new Set(checks.map((c) => c.check));
  // The verifier stops at the first failure: say which checks never ran, rather than leave them out.
  const notReached: string[] = outcome.ok || outcome.code === "ADDON_NOT_FOUND" ? [] : CHECKS.filter((check) => !reached.has(check));
  lines.push(...notReached.map((check) => `· ${check.padEnd(width)}  not reached`));
  if (outcome.ok) {
    lines.push(`accepted: ${outcome.email}`);
    if (offline) lines.push("(offline: the Desk's replay store and the add-on's settings were not checked; use --desk for those)");
  } else if (checks.some((c) => !c.passed)) {
    lines.push(`refused: ${outcome.code}`);
  } else {
    // Refused before any check ran (the Desk has no such add-on): the outcome alone says why.
    lines.push(`refused: ${outcome.code}: ${outcome.message} ${outcome.hint}`);
  }
  return `${lines.join("\n")}\n`;
}
