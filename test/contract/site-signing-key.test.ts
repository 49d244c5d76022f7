import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyAsapToken } from "@/lib/desk/iam/verify-token";
import { importPublicKey, type KeyRing } from "@/lib/desk/keys/key-ring";
import { parseJwksDocument } from "@/lib/desk/keys/jwks-document";
import { serializeJwk } from "@/lib/desk/keys/public-key";

// The sample site's switch: with ASAP_JWT_PRIVATE_KEY set it signs with that key, and serves its
// public half as a JWKS the Desk can read; without it, the secret signs and the JWKS is empty.
const user = { id: "u1", email: "ada@example.com", name: "Ada", emailVerified: new Date() } as never;

/** A complete site environment (unit tests run without one), with `env` laid over it. */
async function siteModule(env: Record<string, string>) {
  vi.resetModules();
  const base = {
    DATABASE_URL: "file:./unused.db",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DESK_MASTER_KEY: randomBytes(32).toString("base64url"),
    ASAP_ADDON_ID: "addon_demo",
    ASAP_JWT_SECRET: randomBytes(32).toString("base64url"),
    DESK_BASE_URL: "http://localhost:3000",
    SITE_URL: "http://localhost:3000",
  };
  for (const [name, value] of Object.entries({ ...base, ...env })) vi.stubEnv(name, value);
  return import("@/lib/site/asap/issue-token");
}

afterEach(() => vi.unstubAllEnvs());

describe("the site's signing key", () => {
  it("signs ES256 with ASAP_JWT_PRIVATE_KEY (line breaks written as \\n), and serves the key the Desk then verifies with", async () => {
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const site = await siteModule({ ASAP_JWT_PRIVATE_KEY: pem.trim().replace(/\n/g, "\\n"), ASAP_JWT_KID: "site-es-1" });
    const { keys } = await parseJwksDocument(JSON.stringify(site.siteJwks()));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid: "site-es-1", algorithm: "ES256" });
    const published = keys[0]!;
    const ring: KeyRing = {
      find: async (kid) =>
        kid === published.kid
          ? { id: "k", kid, algorithm: "ES256", source: "jwks", revokedAt: null, expiresAt: null, cryptoKey: () => importPublicKey("ES256", serializeJwk(published.jwk)) }
          : null,
      live: async () => [],
    };
    const { token } = await site.issueAsapToken(user);
    const verified = await verifyAsapToken(token, { keys: ring, now: Date.now(), clockSkewSeconds: 60, audience: "addon_demo" }); // the site names its add-on
    expect(verified.claims.email).toBe("ada@example.com");
  });

  it("signs HS256 with the secret, and publishes no key, when no private key is set", async () => {
    const site = await siteModule({ ASAP_JWT_PRIVATE_KEY: "" });
    expect(site.siteJwks()).toEqual({ keys: [] });
    const { token } = await site.issueAsapToken(user);
    expect(JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).alg).toBe("HS256");
  });
});
