import { decodeJwt, decodeProtectedHeader } from "jose";
import { MS_FLOOR, onePositional, parseCommand } from "./args";
import { EXIT, UsageError } from "./errors";
import { readToken, type Io } from "./io";

export const DECODE_HELP = `Usage: npm run -s token -- decode [TOKEN | -] [options]

Prints a token's header and claims as JSON, with its times also as ISO times. The token comes from the
argument, or from stdin when it is absent or "-".

It checks nothing: not the signature, not a single claim. Use explain to know whether the Desk would accept it.

Times: not_before, not_after and exp are milliseconds since the epoch, nbf and iat seconds (the Desk's
units); a value that looks like the other unit gets a note, as the commonest mistake is seconds for milliseconds.

Options:
  -h, --help            this help

Exit codes: 0 decoded; 2 usage or input error (not a JWT, nothing given).

Example:
  npm run -s token -- decode "$TOKEN" | jq .times
`;

const OPTIONS = { help: { type: "boolean", short: "h" } } as const;

type Unit = "ms" | "s";
const TIME_CLAIMS: Record<string, Unit> = { not_before: "ms", not_after: "ms", exp: "ms", nbf: "s", iat: "s" };

export type TimeReading = { value: unknown; unit: Unit; iso: string | null; note?: string };

const isoOf = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);

/** A time claim read in its unit, with a note when it looks like the other one. */
export function readTime(claim: string, value: unknown, unit: Unit): TimeReading {
  if (typeof value !== "number") return { value, unit, iso: null, note: `not a number: ${claim} must be an integer (${unit === "ms" ? "milliseconds" : "seconds"} since the epoch)` };
  if (unit === "ms" && value < MS_FLOOR) {
    return {
      value,
      unit,
      iso: isoOf(value),
      note: `looks like seconds, not milliseconds: read as seconds it is ${isoOf(value * 1000)}; the Desk refuses it (CLAIM_INVALID). Multiply by 1000.`,
    };
  }
  if (unit === "s" && value >= MS_FLOOR) {
    return { value, unit, iso: isoOf(value * 1000), note: `looks like milliseconds, not seconds: read as milliseconds it is ${isoOf(value)}; the Desk refuses it (CLAIM_INVALID).` };
  }
  return { value, unit, iso: isoOf(unit === "ms" ? value : value * 1000) };
}

export function decodeToken(token: string) {
  let header: unknown;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch (error) {
    throw new UsageError(`decode: not a JWT (${(error as Error).message})`);
  }
  const times: Record<string, TimeReading> = {};
  for (const [claim, unit] of Object.entries(TIME_CLAIMS)) {
    if (Object.hasOwn(claims, claim)) times[claim] = readTime(claim, claims[claim], unit);
  }
  return { header, claims, times };
}

export async function decode(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("decode", argv, OPTIONS);
  if (values.help) {
    io.out(DECODE_HELP);
    return EXIT.ok;
  }
  const token = await readToken("decode", onePositional("decode", positionals), io);
  io.out(`${JSON.stringify(decodeToken(token), null, 2)}\n`);
  io.err("decoded only: the signature and the claims were not checked (run explain for that)\n");
  return EXIT.ok;
}
