import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { parseCommand } from "./args";
import { EXIT, UsageError } from "./errors";
import type { Io } from "./io";

export const KEYGEN_HELP = `Usage: npm run -s token -- keygen --out PATH [--alg ES256|EdDSA] [--jwk]

Makes a key pair for signing ASAP tokens without a shared secret. The private key is written to PATH
(PEM, PKCS#8, readable by you alone; an existing file is never overwritten); the public key is printed
on stdout, to paste into the add-on's keys in the Desk portal or to publish in your JWKS.

  --out PATH    where to write the private key
  --alg ALG     ES256 (P-256, the default) or EdDSA (Ed25519)
  --jwk         print the public key as a JWK rather than PEM

Exit codes: 0 the pair was made; 2 usage error (unknown flag, no --out, the file exists).

Example:
  npm run -s token -- keygen --out shop-es256.pem > shop-es256.pub.pem
  npm run -s token -- mint --private-key-file shop-es256.pem --kid <the kid the portal shows>
`;

const OPTIONS = {
  out: { type: "string" },
  alg: { type: "string" },
  jwk: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function keygen(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("keygen", argv, OPTIONS);
  if (values.help) {
    io.out(KEYGEN_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`keygen: unexpected argument "${positionals[0]}"`);
  if (!values.out) throw new UsageError("keygen: give --out PATH, where the private key is written");
  const alg = values.alg ?? "ES256";
  if (alg !== "ES256" && alg !== "EdDSA") throw new UsageError(`keygen: --alg ${alg}: choose ES256 or EdDSA`);
  const pair = alg === "ES256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("ed25519");
  try {
    // "wx": never overwrite a key someone may already sign with; 0600: the private key is yours alone.
    writeFileSync(values.out, pair.privateKey.export({ type: "pkcs8", format: "pem" }), { flag: "wx", mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "EEXIST" ? `keygen: ${values.out} exists; choose another --out` : `keygen: cannot write ${values.out} (${code ?? (error as Error).message})`);
  }
  io.out(values.jwk ? `${JSON.stringify({ ...pair.publicKey.export({ format: "jwk" }), alg, use: "sig" })}\n` : pair.publicKey.export({ type: "spki", format: "pem" }).toString());
  io.err(`${alg} private key written to ${values.out}; the public key is above. Keep the private key on your server.\n`);
  return EXIT.ok;
}
