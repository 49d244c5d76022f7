import { createPrivateKey } from "node:crypto";
import { z } from "zod";
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "../contract/attachments";
import { resolvedSimulatorConfigSchema } from "../contract/test-control";

/**
 * The server's environment, validated once at start-up (see lib/shared/env.ts and next.config.ts).
 * Kept free of `server-only` so that next.config.ts and scripts can validate without importing secrets.
 */

const HOW_TO_CREATE_SECRET =
  "create one with `node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64url'))\"` or run `npm run setup`, which writes a fresh .env";

const secret = (name: string) =>
  z
    .string({ error: `${name} is missing: ${HOW_TO_CREATE_SECRET}` })
    .min(32, { error: `${name} is too short (at least 32 characters): ${HOW_TO_CREATE_SECRET}` });

/** A base64url string that decodes to exactly 32 bytes: an AES-256 key. */
const aes256Key = (name: string) =>
  z
    .string({ error: `${name} is missing: ${HOW_TO_CREATE_SECRET}` })
    .refine((value) => /^[A-Za-z0-9_-]{43}$/.test(value) && Buffer.from(value, "base64url").length === 32, {
      error: `${name} must be 32 random bytes in base64url (43 characters): ${HOW_TO_CREATE_SECRET}`,
    });

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is missing: e.g. DATABASE_URL=file:./prisma/dev.db (run `npm run setup`)" })
    .regex(/^(file:|postgres(ql)?:\/\/)/, {
      error: "DATABASE_URL must be a SQLite URL such as file:./prisma/dev.db or a PostgreSQL URL such as postgresql://user:password@host:5432/asap",
    }),
  /** PostgreSQL only: connections each app instance may hold open. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** next-auth's cookie and JWT encryption secret. */
  AUTH_SECRET: secret("AUTH_SECRET"),
  /** Encrypts ASAP signing secrets at rest in the Desk simulator's database. */
  DESK_MASTER_KEY: aes256Key("DESK_MASTER_KEY"),

  // The business site's ASAP integration: what an integrator copies from the Desk portal.
  ASAP_ADDON_ID: z.string({ error: "ASAP_ADDON_ID is missing: the id of the ASAP add-on, shown in the Desk portal" }).min(1),
  ASAP_JWT_KID: z.string().min(1).max(128).optional(),
  ASAP_JWT_SECRET: z
    .string({ error: "ASAP_JWT_SECRET is missing: copy the add-on's signing secret from the Desk portal (or run `npm run setup`)" })
    .min(43, {
      error: "ASAP_JWT_SECRET is shorter than 32 random bytes (43 base64url characters): generate a key in the Desk portal and copy it whole",
    }),
  /**
   * Optional: sign with this private key (PEM PKCS#8; "\n" may stand for line breaks) instead of the
   * secret, ES256 for P-256 and EdDSA for Ed25519; its public half is served at /.well-known/jwks.json
   * and must be the add-on's (uploaded in the portal, or read from that JWKS URL), named by ASAP_JWT_KID.
   */
  ASAP_JWT_PRIVATE_KEY: z
    .string()
    .max(8192)
    .optional()
    .transform((text, context) => {
      if (!text?.trim()) return undefined;
      const pem = text.replace(/\\n/g, "\n").trim();
      try {
        const key = createPrivateKey(pem);
        const usable = key.asymmetricKeyType === "ed25519" || (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1");
        if (usable) return pem;
        context.addIssue({ code: "custom", message: `ASAP_JWT_PRIVATE_KEY is a ${key.asymmetricKeyType} key: the Desk verifies P-256 (ES256) and Ed25519 (EdDSA) keys` });
      } catch {
        context.addIssue({ code: "custom", message: 'ASAP_JWT_PRIVATE_KEY is not a PEM private key ("-----BEGIN PRIVATE KEY-----"): `npm run -s token -- keygen --out key.pem` makes one' });
      }
      return z.NEVER;
    }),
  DESK_BASE_URL: z.url({ error: "DESK_BASE_URL must be the Desk's base URL, e.g. http://localhost:3000" }),
  /** Which credential the site's widget callback returns: a JWT (new flow) or a user token (legacy). */
  ASAP_FLOW: z.enum(["new", "legacy"], { error: 'ASAP_FLOW must be "new" or "legacy"' }).default("new"),

  // The business site's email: verification links are absolute URLs on SITE_URL, sent over SMTP_URL.
  SITE_URL: z.url({ error: "SITE_URL must be the site's public base URL, e.g. http://localhost:3000 (links in emails point there)" }),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587" })
    .default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).max(200).default("Northwind Cloud <no-reply@northwind.example>"),
  /** The demo's local mail catcher (its HTTP side): when set, /dev/mailbox shows the caught mail. */
  MAIL_CATCHER_URL: z.url({ error: "MAIL_CATCHER_URL must be the mail catcher's HTTP URL, e.g. http://127.0.0.1:1080" }).optional(),

  /**
   * Which proxies in front of the app may name the client's address in X-Forwarded-For: a number of
   * hops, or addresses/CIDR ranges (and proxy-addr's names loopback, linklocal, uniquelocal), comma-
   * separated. Unset: no proxy is trusted, and the socket's address is the client's.
   */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value, context) => {
      if (!value) return [] as string[];
      if (/^\d+$/.test(value)) return Number(value);
      const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
      for (const entry of entries) {
        if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry)) {
          context.addIssue({ code: "custom", message: `TRUSTED_PROXIES: "${entry}" is not a hop count, an address, a CIDR range or loopback/linklocal/uniquelocal` });
        }
      }
      return entries;
    }),
  /** Where the Desk keeps attachments' bytes (the local-disk store): a directory it may create. */
  ATTACHMENTS_DIR: z.string().min(1).max(1000).default("./data/attachments"),
  /** Each attachment's size limit in bytes: 10 MiB unless said otherwise, 1 KiB to 100 MiB. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number({ error: "ATTACHMENT_MAX_BYTES must be a number of bytes, e.g. 10485760 for 10 MiB" })
    .int()
    .min(1024, { error: "ATTACHMENT_MAX_BYTES must be at least 1024 (1 KiB)" })
    .max(100 * 1024 * 1024, { error: "ATTACHMENT_MAX_BYTES may be at most 104857600 (100 MiB): files are held in memory while they are checked" })
    .default(DEFAULT_ATTACHMENT_MAX_BYTES),
  /** Days the Desk keeps its login log; older rows are pruned automatically. */
  LOGIN_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Local development only: let the Desk call legacy JWT endpoints and JWKS URLs on loopback and private
   * addresses (a JWKS over plain http too).
   * Off by default, so the Desk cannot be turned against its own network (SSRF).
   */
  DESK_ALLOW_PRIVATE_ENDPOINTS: z
    .enum(["true", "false"], { error: 'DESK_ALLOW_PRIVATE_ENDPOINTS must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),

  /**
   * Turns on the Desk's test-control API (docs/test-control-api.md): the bearer token its callers
   * send. Unset: the API answers 404 to everyone. Tests and the simulator only.
   */
  DESK_TEST_CONTROL_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,512}$/, { error: "DESK_TEST_CONTROL_TOKEN must be 32 to 512 visible ASCII characters (no spaces): e.g. 32 random bytes in base64url" })
    .optional(),
  /** With NODE_ENV=production the test-control API stays off unless this is "true" as well. */
  DESK_TEST_CONTROL_IN_PRODUCTION: z
    .enum(["true", "false"], { error: 'DESK_TEST_CONTROL_IN_PRODUCTION must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),
  /** The simulator's add-ons as JSON (written by `npm run desk:simulator`): what test control's reset restores. */
  DESK_SIMULATOR_CONFIG: z
    .string()
    .max(1_000_000)
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        context.addIssue({ code: "custom", message: "DESK_SIMULATOR_CONFIG is not JSON: it holds the simulator's configuration, as `npm run desk:simulator` writes it" });
        return z.NEVER;
      }
      const parsed = resolvedSimulatorConfigSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        context.addIssue({ code: "custom", message: `DESK_SIMULATOR_CONFIG: ${issue.path.join(".") || "(the whole)"}: ${issue.message}` });
      }
      return z.NEVER;
    }),
  /** The address server.ts listens on (the simulator: 127.0.0.1). Unset: every interface. */
  LISTEN_HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, { error: "LISTEN_HOST must be an address or host name, e.g. 127.0.0.1" }).optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment, or throws one readable message listing every problem. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.message}`);
  throw new EnvError(`Invalid server environment:\n${lines.join("\n")}`);
}
