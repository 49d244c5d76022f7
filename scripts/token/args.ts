import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

/**
 * The command line's pure parts: flags (Node's util.parseArgs, strict), durations, instants and JSON
 * claims. Every mistake is a UsageError whose message names the flag and what it expects.
 */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export function parseCommand<const O extends OptionSpec>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      // Node's first sentence names the flag; the rest is advice about "--" that rarely applies here.
      const sentence = (error as Error).message.split(/\.\s/)[0]?.replace(/\.$/, "");
      throw new UsageError(`${command}: ${sentence} (see: npm run token -- ${command} --help)`);
    }
    throw error;
  }
}

/** At most one positional argument (a token, or "-" for stdin). */
export function onePositional(command: string, positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`${command}: expected one token, got ${positionals.length} arguments`);
  return positionals[0];
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+)(ms|s|m|h)$/;

/** "500ms", "90s", "5m", "1h" → milliseconds. A unit is required: a bare number is the very ambiguity this CLI is about. */
export function parseDuration(flag: string, text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new UsageError(`${flag}: "${text}" is not a duration; give a whole number with a unit: ms, s, m or h (e.g. 5m, 90s)`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Below this a "milliseconds" value is really seconds (1e11 ms is March 1973), as the Desk's claims check says. */
export const MS_FLOOR = 1e11;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * A moment, in milliseconds since the epoch: "now", a time relative to now ("-10m", "+1h"), an ISO
 * time, or milliseconds since the epoch. Seconds are refused: --claims can still say anything.
 */
export function parseInstant(flag: string, text: string, now: number): number {
  const value = text.trim();
  if (value === "now") return now;
  if (/^[+-]/.test(value)) {
    const offset = parseDuration(flag, value.slice(1));
    return value.startsWith("-") ? now - offset : now + offset;
  }
  if (/^\d+$/.test(value)) {
    const ms = Number(value);
    if (ms < MS_FLOOR) {
      throw new UsageError(
        `${flag}: ${value} looks like seconds; give milliseconds, an ISO time or a relative time such as -10m (to mint a token in seconds on purpose, use --claims)`,
      );
    }
    return ms;
  }
  const ms = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${flag}: "${text}" is not a time; give "now", a relative time (-10m, +1h), an ISO time or milliseconds since the epoch`);
  return ms;
}

/**
 * A JSON object of claims. A claim set to null is left out of the token (the way to drop a default
 * claim, such as jti); any other value is signed exactly as given, seconds and wrong types included.
 */
export function parseClaimsJson(source: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`${source}: expected a JSON object of claims, such as {"email":"ada@example.com"}`);
  }
  const claims: Record<string, unknown> = {};
  for (const [claim, value] of Object.entries(parsed)) {
    // defineProperty, not assignment: a "__proto__" claim stays a claim (and can test the Desk).
    Object.defineProperty(claims, claim, { value: value === null ? undefined : value, enumerable: true, writable: true, configurable: true });
  }
  return claims;
}
