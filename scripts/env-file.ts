import { randomBytes } from "node:crypto";

/** Fresh secrets for a new .env (or a throwaway test environment): 32 random bytes each, base64url. */
export function freshSecrets() {
  const secret = () => randomBytes(32).toString("base64url");
  return {
    AUTH_SECRET: secret(),
    DESK_MASTER_KEY: secret(),
    ASAP_JWT_SECRET: secret(),
  };
}

export function renderEnvFile(values: { DATABASE_URL: string; PORT: string }): string {
  const secrets = freshSecrets();
  return `# Written by \`npm run setup\` on ${new Date().toISOString()}. Never commit this file.

# ── Shared ──
DATABASE_URL=${values.DATABASE_URL}

# ── Business site (Northwind Cloud) ──
# next-auth's cookie and session encryption secret.
AUTH_SECRET=${secrets.AUTH_SECRET}
# Trust the Host header for next-auth's URLs (self-hosted, possibly behind a proxy).
AUTH_TRUST_HOST=true
# The demo ASAP add-on's signing key, as shown once by the Desk portal. The HMAC key is these
# characters' UTF-8 bytes exactly as written: do not base64-decode them.
ASAP_ADDON_ID=addon_demo
ASAP_JWT_KID=demo-key-1
ASAP_JWT_SECRET=${secrets.ASAP_JWT_SECRET}
DESK_BASE_URL=http://localhost:${values.PORT}
# "new": the widget logs in with a JWT this site signs; "legacy": with a user token that the Desk
# brings back to /api/asap/legacy-jwt (enable the legacy flow and its endpoint URL in the portal).
ASAP_FLOW=new
# Verification emails: links point at SITE_URL and go out over SMTP_URL. The demo's mail catcher
# (started by \`npm run demo\`) listens on 1025 and shows what it caught at /dev/mailbox.
SITE_URL=http://localhost:${values.PORT}
SMTP_URL=smtp://127.0.0.1:1025
MAIL_CATCHER_URL=http://127.0.0.1:1080

# ── Desk simulator ──
# Encrypts ASAP signing secrets at rest. Losing it makes stored keys unreadable.
DESK_MASTER_KEY=${secrets.DESK_MASTER_KEY}
# Local development only: the demo's legacy JWT endpoint is on localhost, which the Desk otherwise
# refuses to call (it never calls loopback or private addresses in production).
DESK_ALLOW_PRIVATE_ENDPOINTS=true
# Attachments' bytes (the database holds only what describes them), and each file's size limit.
ATTACHMENTS_DIR=./data/attachments
ATTACHMENT_MAX_BYTES=10485760
# Behind a reverse proxy, name it so the Desk takes the client's address from X-Forwarded-For:
# TRUSTED_PROXIES=1            (hops)   or   TRUSTED_PROXIES=10.0.0.5,loopback   (addresses)
`;
}
