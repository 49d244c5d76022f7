import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "./env-schema";

const valid = {
  DATABASE_URL: "file:./prisma/dev.db",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  DESK_MASTER_KEY: randomBytes(32).toString("base64url"),
  ASAP_ADDON_ID: "addon_demo",
  ASAP_JWT_SECRET: randomBytes(32).toString("base64url"),
  DESK_BASE_URL: "http://localhost:3000",
  SITE_URL: "http://localhost:3000",
};

function messageFor(source: Record<string, string | undefined>): string {
  try {
    parseServerEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected the environment to be refused");
}

describe("parseServerEnv", () => {
  it("accepts a complete environment", () => {
    expect(parseServerEnv(valid)).toMatchObject({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: "development" });
  });

  it("names a missing AUTH_SECRET and says how to create one", () => {
    const message = messageFor({ ...valid, AUTH_SECRET: undefined });
    expect(message).toContain("AUTH_SECRET is missing");
    expect(message).toContain("npm run setup");
    expect(message).toContain("randomBytes(32)");
  });

  it("refuses an AUTH_SECRET shorter than 32 characters", () => {
    expect(messageFor({ ...valid, AUTH_SECRET: "x".repeat(31) })).toContain("AUTH_SECRET is too short");
  });

  it("refuses a DESK_MASTER_KEY that is not 32 bytes of base64url", () => {
    expect(messageFor({ ...valid, DESK_MASTER_KEY: randomBytes(16).toString("base64url") })).toContain(
      "DESK_MASTER_KEY must be 32 random bytes",
    );
    expect(messageFor({ ...valid, DESK_MASTER_KEY: "=".repeat(43) })).toContain("DESK_MASTER_KEY must be 32 random bytes");
  });

  it("refuses an ASAP signing secret shorter than 32 random bytes, where it is configured", () => {
    expect(messageFor({ ...valid, ASAP_JWT_SECRET: "short-secret" })).toContain("ASAP_JWT_SECRET is shorter than 32 random bytes");
  });

  it("lists every problem at once", () => {
    const message = messageFor({});
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "DESK_MASTER_KEY"]) expect(message).toContain(name);
  });

  it("takes a SQLite or a PostgreSQL DATABASE_URL, and names both when given another", () => {
    expect(parseServerEnv({ ...valid, DATABASE_URL: "postgresql://app:secret@db:5432/asap" }).DATABASE_URL).toContain("postgresql://");
    expect(parseServerEnv({ ...valid, DATABASE_URL: "postgres://db/asap" }).DATABASE_POOL_SIZE).toBe(10);
    const message = messageFor({ ...valid, DATABASE_URL: "mysql://localhost/app" });
    expect(message).toContain("file:./prisma/dev.db");
    expect(message).toContain("postgresql://");
  });

  it("takes a test-control token of 32 visible characters or more, and refuses a short one or one with spaces", () => {
    expect(parseServerEnv({ ...valid, DESK_TEST_CONTROL_TOKEN: "t".repeat(32) }).DESK_TEST_CONTROL_TOKEN).toBe("t".repeat(32));
    expect(parseServerEnv(valid).DESK_TEST_CONTROL_TOKEN).toBeUndefined();
    expect(parseServerEnv(valid).DESK_TEST_CONTROL_IN_PRODUCTION).toBe(false);
    expect(messageFor({ ...valid, DESK_TEST_CONTROL_TOKEN: "t".repeat(31) })).toContain("DESK_TEST_CONTROL_TOKEN must be 32 to 512");
    expect(messageFor({ ...valid, DESK_TEST_CONTROL_TOKEN: `${"t".repeat(32)} x` })).toContain("DESK_TEST_CONTROL_TOKEN");
    expect(messageFor({ ...valid, DESK_TEST_CONTROL_IN_PRODUCTION: "yes" })).toContain('DESK_TEST_CONTROL_IN_PRODUCTION must be "true" or "false"');
  });

  it("reads the simulator's configuration from DESK_SIMULATOR_CONFIG, naming a bad field", () => {
    const config = { addons: [{ id: "addon_a", origins: ["http://localhost:3000"], keys: [{ kid: "k1", secret: "s".repeat(43) }] }] };
    expect(parseServerEnv({ ...valid, DESK_SIMULATOR_CONFIG: JSON.stringify(config) }).DESK_SIMULATOR_CONFIG?.addons[0]?.id).toBe("addon_a");
    expect(messageFor({ ...valid, DESK_SIMULATOR_CONFIG: "{nope" })).toContain("DESK_SIMULATOR_CONFIG is not JSON");
    const noSecret = { addons: [{ id: "addon_a", origins: [], keys: [{ kid: "k1" }] }] };
    expect(messageFor({ ...valid, DESK_SIMULATOR_CONFIG: JSON.stringify(noSecret) })).toContain("DESK_SIMULATOR_CONFIG: addons.0.keys.0.secret");
  });

  it("takes an ES256 or EdDSA private key for the site, and refuses others with a way to make one", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const pem = (pair: { privateKey: import("node:crypto").KeyObject }) => pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const ed = pem(generateKeyPairSync("ed25519"));
    expect(parseServerEnv({ ...valid, ASAP_JWT_PRIVATE_KEY: ed.trim().replace(/\n/g, "\\n") }).ASAP_JWT_PRIVATE_KEY).toBe(ed.trim());
    expect(parseServerEnv({ ...valid, ASAP_JWT_PRIVATE_KEY: "" }).ASAP_JWT_PRIVATE_KEY).toBeUndefined();
    expect(messageFor({ ...valid, ASAP_JWT_PRIVATE_KEY: pem(generateKeyPairSync("rsa", { modulusLength: 2048 })) })).toContain("ASAP_JWT_PRIVATE_KEY is a rsa key");
    expect(messageFor({ ...valid, ASAP_JWT_PRIVATE_KEY: "not a key" })).toContain("keygen");
  });
});
