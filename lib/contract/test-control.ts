import { z } from "zod";

/**
 * The test-control API's wire contract (docs/test-control-api.md), and the simulator's configuration,
 * which provisions the same add-ons: request schemas (strict: an unknown field is a mistake worth a
 * 400) and the answers' schemas, whose inferred types the Desk's routes and the toolkit's client share.
 */

/** Add-on ids as the portal makes them (cuid) or a test names them: `addon_checkout`, `my-app`. */
export const addonIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "an add-on id is 1 to 64 letters, digits, _ or -" });

/** A key id, as a token's `kid` header names it. */
export const kidSchema = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, { error: "a kid is 1 to 128 letters, digits, ., _ or -" });

/** The HMAC key is the secret's UTF-8 bytes as written: at least 32 of them, like a portal key's 43. */
export const signingSecretSchema = z
  .string()
  .min(32, { error: "a signing secret has at least 32 characters (the portal's are 43: 32 random bytes in base64url)" })
  .max(512, { error: "a signing secret has at most 512 characters" });

const originSchema = z.string().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  },
  { error: "an allowed origin is scheme://host[:port] with nothing after it, like http://localhost:3000" },
);

export const MAX_CLOCK_OFFSET_SECONDS = 30 * 24 * 3600;

/** An add-on's settings, as POST addons and the simulator's configuration give them. */
const addonSettings = {
  name: z.string().trim().min(1).max(100).optional(),
  origins: z.array(originSchema).max(20, { error: "at most 20 allowed origins" }),
  authMode: z.enum(["jwt", "anonymous"]).optional(),
  newFlowEnabled: z.boolean().optional(),
  /** The legacy flow's JWT endpoint; giving one switches the legacy flow on. */
  legacyEndpointUrl: z.url({ protocol: /^https?$/, error: "legacyEndpointUrl is an http(s) URL" }).max(2048).optional(),
  clockSkewSeconds: z.number().int().min(0).max(300).optional(),
  sessionTtlSeconds: z.number().int().min(1).max(86_400).optional(),
  requireJti: z.boolean().optional(),
  /** Report-only mode: refused logins leave a guest without an error (docs/migration.md). */
  reportOnly: z.boolean().optional(),
};

const keyInput = z.strictObject({ kid: kidSchema.optional(), secret: signingSecretSchema.optional() });

export const createAddonBody = z.strictObject({ id: addonIdSchema.optional(), ...addonSettings, key: keyInput.optional() });
export type CreateAddonBody = z.infer<typeof createAddonBody>;

export const createKeyBody = z.strictObject({
  kid: kidSchema.optional(),
  secret: signingSecretSchema.optional(),
  /** The key works until then, like a key in its rotation overlap. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateKeyBody = z.infer<typeof createKeyBody>;

export const emptyBody = z.strictObject({});
export const emptyQuery = z.strictObject({});

export const rotateKeyBody = z.strictObject({
  overlapSeconds: z.number().int().min(0).max(MAX_CLOCK_OFFSET_SECONDS).default(0),
  kid: kidSchema.optional(),
  secret: signingSecretSchema.optional(),
});
export type RotateKeyBody = z.infer<typeof rotateKeyBody>;

export const keyPathParams = z.object({ addonId: addonIdSchema, kid: kidSchema });
export const addonPathParams = z.object({ addonId: addonIdSchema });

export const loginEventsQuery = z.strictObject({
  outcome: z.enum(["success", "failure"]).optional(),
  code: z.string().regex(/^[A-Z][A-Z_]{1,63}$/, { error: "a code is UPPER_SNAKE_CASE, like KEY_REVOKED" }).optional(),
});

export const byEmailQuery = z.strictObject({ email: z.string().trim().min(3).max(254).optional() });

export const clockBody = z.strictObject({
  offsetSeconds: z
    .number()
    .int()
    .min(-MAX_CLOCK_OFFSET_SECONDS, { error: "at most 30 days back" })
    .max(MAX_CLOCK_OFFSET_SECONDS, { error: "at most 30 days ahead" }),
});

export const explainBody = z.strictObject({ addonId: addonIdSchema, token: z.string().min(1).max(65_536) });

// ─── The simulator's configuration (scripts/desk-simulator) ─────────────────────────────────────

/** The simulator's configuration: its add-ons, each with its allowed origins and known keys. */
function configSchema<Key extends z.ZodType<{ kid: string; secret?: string }>>(key: Key) {
  const addon = z.strictObject({ id: addonIdSchema, ...addonSettings, keys: z.array(key).max(20).default([]) });
  return z
    .strictObject({ addons: z.array(addon).min(1, { error: "name at least one add-on" }).max(50) })
    .superRefine(({ addons }, context) => {
      const ids = new Set<string>();
      const kids = new Set<string>();
      addons.forEach((addon, index) => {
        if (ids.has(addon.id)) context.addIssue({ code: "custom", path: ["addons", index, "id"], message: `add-on id "${addon.id}" is given twice` });
        ids.add(addon.id);
        addon.keys.forEach((key, keyIndex) => {
          // A kid names one key on the whole Desk, as in the portal.
          if (kids.has(key.kid)) context.addIssue({ code: "custom", path: ["addons", index, "keys", keyIndex, "kid"], message: `kid "${key.kid}" is given twice` });
          kids.add(key.kid);
        });
      });
    });
}

/** The configuration file: a key without a secret gets one generated by the simulator command. */
export const simulatorConfigSchema = configSchema(z.strictObject({ kid: kidSchema, secret: signingSecretSchema.optional() }));
export type SimulatorConfig = z.infer<typeof simulatorConfigSchema>;

/** What the Desk process is given (DESK_SIMULATOR_CONFIG): the same, with every secret filled in. */
export const resolvedSimulatorConfigSchema = configSchema(z.strictObject({ kid: kidSchema, secret: signingSecretSchema }));
export type ResolvedSimulatorConfig = z.infer<typeof resolvedSimulatorConfigSchema>;

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────

const isoTime = z.iso.datetime({ offset: true });

export const keyAnswerSchema = z.object({ kid: z.string(), secret: z.string() });
export type Key = z.infer<typeof keyAnswerSchema>;

export const addonAnswerSchema = z.object({
  id: z.string(),
  name: z.string(),
  origins: z.array(z.string()),
  authMode: z.enum(["jwt", "anonymous"]),
  newFlowEnabled: z.boolean(),
  legacyFlowEnabled: z.boolean(),
  clockSkewSeconds: z.number(),
  sessionTtlSeconds: z.number(),
});
export type Addon = z.infer<typeof addonAnswerSchema>;

export const provisionedAddonSchema = addonAnswerSchema.extend({ keys: z.array(z.object({ kid: z.string() })) });
export type ProvisionedAddon = z.infer<typeof provisionedAddonSchema>;

export const resetAnswerSchema = z.object({ reset: z.literal(true), addons: z.array(provisionedAddonSchema) });
export type ResetAnswer = z.infer<typeof resetAnswerSchema>;

export const createAddonAnswerSchema = z.object({ addon: addonAnswerSchema, key: keyAnswerSchema });
export type CreateAddonAnswer = z.infer<typeof createAddonAnswerSchema>;

export const createKeyAnswerSchema = z.object({ key: keyAnswerSchema });
export type CreateKeyAnswer = z.infer<typeof createKeyAnswerSchema>;

export const revokeKeyAnswerSchema = z.object({ key: z.object({ kid: z.string(), revokedAt: isoTime }) });
export type RevokeKeyAnswer = z.infer<typeof revokeKeyAnswerSchema>;

export const rotateKeyAnswerSchema = z.object({ key: keyAnswerSchema, previous: z.object({ kid: z.string(), expiresAt: isoTime }) });
export type RotateKeyAnswer = z.infer<typeof rotateKeyAnswerSchema>;

export const loginEventSchema = z.object({
  at: isoTime,
  lastSeenAt: isoTime,
  count: z.number(),
  flow: z.enum(["new", "legacy"]),
  outcome: z.enum(["success", "failure"]),
  code: z.string().nullable(),
  email: z.string().nullable(),
  detail: z.string().nullable(),
});
export type LoginEvent = z.infer<typeof loginEventSchema>;
export const loginEventsAnswerSchema = z.object({ events: z.array(loginEventSchema) });
export type LoginEventsAnswer = z.infer<typeof loginEventsAnswerSchema>;

/** A file someone attached, as a test checks it went through: no id or bytes, just what it is and who sent it. */
export const attachmentRecordSchema = z.object({ name: z.string(), contentType: z.string(), size: z.number(), uploadedBy: z.enum(["contact", "guest", "agent"]) });
export type AttachmentRecord = z.infer<typeof attachmentRecordSchema>;

export const ticketRecordSchema = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.string(),
  priority: z.string(),
  identityVerified: z.boolean(),
  contact: z.object({ email: z.string(), name: z.string() }),
  /** The ticket's files and its comments', in the order they were uploaded. */
  attachments: z.array(attachmentRecordSchema),
  createdAt: isoTime,
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;
export const ticketsAnswerSchema = z.object({ tickets: z.array(ticketRecordSchema) });
export type TicketsAnswer = z.infer<typeof ticketsAnswerSchema>;

export const chatRecordSchema = z.object({
  id: z.string(),
  status: z.string(),
  identityVerified: z.boolean(),
  visitorName: z.string(),
  visitorEmail: z.string().nullable(),
  messageCount: z.number(),
  /** The files of its messages, in the order they were uploaded. */
  attachments: z.array(attachmentRecordSchema),
  createdAt: isoTime,
});
export type ChatRecord = z.infer<typeof chatRecordSchema>;
export const chatsAnswerSchema = z.object({ chats: z.array(chatRecordSchema) });
export type ChatsAnswer = z.infer<typeof chatsAnswerSchema>;

export const clockAnswerSchema = z.object({ offsetSeconds: z.number(), now: isoTime });
export type ClockAnswer = z.infer<typeof clockAnswerSchema>;

export const explainAnswerSchema = z.object({
  explanation: z.object({
    /** The token's decoded header and claims (null when they do not decode): shown as they are, never trusted. */
    header: z.unknown(),
    claims: z.unknown(),
    checks: z.array(z.object({ check: z.string(), passed: z.boolean(), detail: z.string() })),
    outcome: z.union([
      z.object({ ok: z.literal(true), email: z.string() }),
      z.object({ ok: z.literal(false), code: z.string(), message: z.string(), hint: z.string() }),
    ]),
  }),
});
export type ExplainAnswer = z.infer<typeof explainAnswerSchema>;
