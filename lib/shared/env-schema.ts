import { z } from "zod";

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
    .startsWith("file:", { error: "DATABASE_URL must be a SQLite URL such as file:./prisma/dev.db" }),
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
  DESK_BASE_URL: z.url({ error: "DESK_BASE_URL must be the Desk's base URL, e.g. http://localhost:3000" }),
  /** Which credential the site's widget callback returns: a JWT (new flow) or a user token (legacy). */
  ASAP_FLOW: z.enum(["new", "legacy"], { error: 'ASAP_FLOW must be "new" or "legacy"' }).default("new"),
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
