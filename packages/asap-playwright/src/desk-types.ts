/**
 * The Desk simulator's test-control API on the wire (docs/test-control-api.md), declared here because
 * the toolkit imports nothing of the app. A type-level test in the app checks these against the
 * server's schemas, so the two cannot drift apart.
 */

export type AuthMode = "jwt" | "anonymous";

/** A signing key as the portal shows it once: its secret in full. */
export type Key = { kid: string; secret: string };

export type Addon = {
  id: string;
  name: string;
  origins: string[];
  authMode: AuthMode;
  newFlowEnabled: boolean;
  legacyFlowEnabled: boolean;
  clockSkewSeconds: number;
  sessionTtlSeconds: number;
};

/** An add-on as the simulator's config puts it back on reset: its keys by id only. */
export type ProvisionedAddon = Flat<Addon & { keys: Array<{ kid: string }> }>;

/** One object type rather than an intersection, as editors show it and as the server's schemas infer it. */
type Flat<T> = { [K in keyof T]: T[K] };

export type LoginEvent = {
  /** ISO time of the first attempt this row counts. */
  at: string;
  /** ISO time of the latest: identical failures from one source share a row. */
  lastSeenAt: string;
  count: number;
  flow: "new" | "legacy";
  outcome: "success" | "failure";
  code: string | null;
  email: string | null;
  detail: string | null;
};

/** A file someone attached: what it is and who sent it (the Desk decided the type from its bytes). */
export type AttachmentRecord = { name: string; contentType: string; size: number; uploadedBy: "contact" | "guest" | "agent" };

export type TicketRecord = {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  identityVerified: boolean;
  contact: { email: string; name: string };
  /** The ticket's files and its comments', in upload order. */
  attachments: AttachmentRecord[];
  createdAt: string;
};

export type ChatRecord = {
  id: string;
  status: string;
  identityVerified: boolean;
  visitorName: string;
  visitorEmail: string | null;
  messageCount: number;
  /** The files of its messages, in upload order. */
  attachments: AttachmentRecord[];
  createdAt: string;
};

export type CheckOutcome = { check: string; passed: boolean; detail: string };

/** The portal debugger's report on one token: every check the login would run, in order. */
export type Explanation = {
  header: unknown;
  claims: unknown;
  checks: CheckOutcome[];
  outcome: { ok: true; email: string } | { ok: false; code: string; message: string; hint: string };
};

// Requests: the documented bodies and queries.

export type CreateAddonInput = {
  id?: string;
  name?: string;
  origins: string[];
  authMode?: AuthMode;
  newFlowEnabled?: boolean;
  /** The legacy flow's JWT endpoint; giving one switches the legacy flow on. */
  legacyEndpointUrl?: string;
  /** 0 to 300. */
  clockSkewSeconds?: number;
  /** 1 to 86 400. */
  sessionTtlSeconds?: number;
  /** Whether tokens without a jti are refused (the Desk requires one of a new add-on unless told otherwise). */
  requireJti?: boolean;
  /** Report-only mode: a refused login leaves its person a guest without an error, and is still logged. */
  reportOnly?: boolean;
  /** The key to make; without it, a fresh one (its secret in the answer). */
  key?: { kid?: string; secret?: string };
};

export type AddKeyInput = { kid?: string; secret?: string; /** ISO time. */ expiresAt?: string };

export type RotateKeyInput = {
  /** How long the rotated-out key keeps working; 0 (the default) ends it at once. */
  overlapSeconds?: number;
  kid?: string;
  secret?: string;
};

export type LoginEventsQuery = { outcome?: "success" | "failure"; code?: string };
export type ByEmailQuery = { email?: string };

/** Whole seconds, at most 30 days either way. */
export type SetClockInput = { offsetSeconds: number };
export type ExplainInput = { addonId: string; token: string };

// Answers.

export type ResetResult = { reset: true; addons: ProvisionedAddon[] };
export type CreateAddonResult = { addon: Addon; key: Key };
export type AddKeyResult = { key: Key };
export type RevokeKeyResult = { key: { kid: string; revokedAt: string } };
export type RotateKeyResult = { key: Key; previous: { kid: string; expiresAt: string } };
export type LoginEventsResult = { events: LoginEvent[] };
export type TicketsResult = { tickets: TicketRecord[] };
export type ChatsResult = { chats: ChatRecord[] };
export type ClockResult = { offsetSeconds: number; now: string };
export type ExplainResult = { explanation: Explanation };
