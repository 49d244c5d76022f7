/**
 * The token CLI for integrators (run: `npm run -s token -- <command>`): mint, decode and explain ASAP
 * new-flow tokens. Runs under `tsx --conditions=react-server`, since explain uses the Desk's own
 * verifier, whose modules import "server-only". docs/token-cli.md is its manual.
 */
import { decode, DECODE_HELP } from "./decode";
import { DeskError, EXIT, UsageError } from "./errors";
import { explain, EXPLAIN_HELP } from "./explain";
import type { Io } from "./io";
import { keygen, KEYGEN_HELP } from "./keygen";
import { mint, MINT_HELP } from "./mint";

const COMMANDS = {
  mint: { run: mint, help: MINT_HELP },
  decode: { run: decode, help: DECODE_HELP },
  explain: { run: explain, help: EXPLAIN_HELP },
  keygen: { run: keygen, help: KEYGEN_HELP },
} as const;

const HELP = `Usage: npm run -s token -- <command> [options]    (-s keeps npm's own lines off stdout)

Mints, decodes and explains ASAP new-flow tokens: the JWTs a business signs for the help widget, with the
add-on's secret (HS256) or a private key (ES256, EdDSA).

Commands:
  mint       sign a token from flags and/or JSON claims; prints the token alone on stdout
  decode     print a token's header and claims as JSON (checks nothing)
  explain    run the Desk's checks on a token: offline with its secret or public key, or against a running Desk
  keygen     make an ES256 or EdDSA key pair: the private key to a file, the public key on stdout
  help [COMMAND]   this help, or a command's (as does COMMAND --help)

The secret is read from the environment (ASAP_SECRET, or --secret-env NAME) or a file (--secret-file),
so that it never has to be typed where ps and the shell history show it; a private key from a file
(--private-key-file).

Exit codes:
  0  success; for explain, the token would be accepted
  1  explain: the token is refused
  2  usage or input error: unknown command or flag, bad JSON, missing secret, unreadable file, not a JWT,
     or (explain --desk) an add-on the Desk does not have or a control token it refuses
  3  explain --desk: the Desk could not be reached, or answered unexpectedly
  4  a bug in this CLI
Errors are one line on stderr; stdout holds only the result.

Example:
  export ASAP_SECRET=...   # the add-on's signing secret, as the portal shows it
  TOKEN=$(npm run -s token -- mint --kid demo-key-1 --email ada@example.com)
  npm run -s token -- explain "$TOKEN" --kid demo-key-1
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    io.out(HELP);
    return EXIT.ok;
  }
  if (command === "help") {
    const topic = rest[0];
    if (topic === undefined) io.out(HELP);
    else if (Object.hasOwn(COMMANDS, topic)) io.out(COMMANDS[topic as keyof typeof COMMANDS].help);
    else throw new UsageError(`help: unknown command "${topic}"; the commands are ${Object.keys(COMMANDS).join(", ")}`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new UsageError(`unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(", ")} (see: npm run token -- --help)`);
  }
  return COMMANDS[command as keyof typeof COMMANDS].run(rest, io);
}

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const io: Io = {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin,
};

try {
  process.exitCode = await run(process.argv.slice(2), io);
} catch (error) {
  if (error instanceof UsageError || error instanceof DeskError) {
    io.err(`token: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    // Still one line: a stack trace would bury the message, and scripts read stderr too.
    io.err(`token: unexpected error (a bug in the CLI): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}
