import { readFileSync } from "node:fs";
import { UsageError } from "./errors";

/** What a command may touch of the outside world; main.ts gives the process's own. */
export type Io = {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  /** Diagnostics: warnings, notes, errors. Never the token or a secret. */
  err(text: string): void;
  /** All of stdin, or null when it is a terminal (nothing piped). */
  readStdin(): Promise<string | null>;
};

export const DEFAULT_SECRET_ENV = "ASAP_SECRET";

export const SECRET_OPTIONS = {
  "secret-env": { type: "string" },
  "secret-file": { type: "string" },
  secret: { type: "string" },
} as const;

export const SECRET_HELP = `  --secret-env NAME     read the add-on's signing secret from this environment variable (default: ${DEFAULT_SECRET_ENV})
  --secret-file PATH    read it from a file (one trailing line break is dropped; /dev/stdin works)
  --secret VALUE        give it on the command line: discouraged, as ps and your shell history show it
  The secret's characters are the HMAC key as UTF-8 bytes, exactly as the portal shows them: never base64-decoded.`;

export function readTextFile(flag: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The secret flag given, if any: for commands that take a key file instead, which may not have both. */
export function secretFlagGiven(values: { "secret-env"?: string; "secret-file"?: string; secret?: string }): string | undefined {
  return (["secret-env", "secret-file", "secret"] as const).find((flag) => values[flag] !== undefined);
}

/** The signing secret from exactly one of --secret-env (the default), --secret-file or --secret. */
export function readSecret(values: { "secret-env"?: string; "secret-file"?: string; secret?: string }, io: Io): string {
  const given = (["secret-env", "secret-file", "secret"] as const).filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new UsageError(`give the secret one way only, not ${given.map((flag) => `--${flag}`).join(" and ")}`);
  let secret: string;
  if (values.secret !== undefined) {
    io.err("warning: --secret shows the secret to anyone who can run ps, and keeps it in your shell history; prefer --secret-env or --secret-file\n");
    secret = values.secret;
  } else if (values["secret-file"] !== undefined) {
    secret = readTextFile("--secret-file", values["secret-file"]).replace(/\r?\n$/, "");
    if (!secret) throw new UsageError(`--secret-file: ${values["secret-file"]} is empty`);
  } else {
    const name = values["secret-env"] ?? DEFAULT_SECRET_ENV;
    secret = io.env[name] ?? "";
    if (!secret) {
      throw new UsageError(
        values["secret-env"] === undefined
          ? `no signing secret: set ${DEFAULT_SECRET_ENV}, or give --secret-env NAME or --secret-file PATH`
          : `--secret-env: the environment variable ${name} is not set or is empty`,
      );
    }
  }
  if (!secret) throw new UsageError("--secret: the secret is empty");
  return secret;
}

/** The token from the argument, or from stdin when it is absent or "-". Pasted white space is dropped. */
export async function readToken(command: string, argument: string | undefined, io: Io): Promise<string> {
  let token = argument;
  if (token === undefined || token === "-") {
    const piped = await io.readStdin();
    if (piped === null) throw new UsageError(`${command}: give a token as the argument, or pipe one on stdin`);
    token = piped;
  }
  token = token.trim();
  if (!token) throw new UsageError(`${command}: the token is empty`);
  return token;
}
