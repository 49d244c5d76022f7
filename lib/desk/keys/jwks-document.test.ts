import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_JWKS_MEMBERS, parseJwksDocument } from "./jwks-document";

const jwk = () => generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });

describe("parseJwksDocument", () => {
  it("skips a kid a database or a log line could choke on, saying why", async () => {
    const { keys, skipped } = await parseJwksDocument(JSON.stringify({ keys: [{ ...jwk(), kid: "nul\u0000kid" }, { ...jwk(), kid: "x".repeat(129) }, { ...jwk(), kid: "ok-1" }] }));
    expect(keys.map((key) => key.kid)).toEqual(["ok-1"]);
    expect(skipped).toEqual([
      { kid: null, reason: "its kid is not 1 to 128 visible ASCII characters" },
      { kid: null, reason: "its kid is not 1 to 128 visible ASCII characters" },
    ]);
  });

  it(`reads the first ${MAX_JWKS_MEMBERS} members only, and names the others as skipped`, async () => {
    const members = Array.from({ length: MAX_JWKS_MEMBERS + 2 }, (_, index) => ({ ...jwk(), kid: `k${index}` }));
    const { keys, skipped } = await parseJwksDocument(JSON.stringify({ keys: members }));
    expect(keys).toHaveLength(MAX_JWKS_MEMBERS);
    expect(skipped.map((skip) => skip.kid)).toEqual([`k${MAX_JWKS_MEMBERS}`, `k${MAX_JWKS_MEMBERS + 1}`]);
  });
});
