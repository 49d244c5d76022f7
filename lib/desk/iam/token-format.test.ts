import { describe, expect, it } from "vitest";
import { readHeader } from "./token-format";

const segment = (header: object) => Buffer.from(JSON.stringify(header)).toString("base64url");
const token = (header: object) => `${segment(header)}.e30.c2ln`;

// readHeader keeps the headers it accepted, by their segment: the answer must not change for it.
describe("readHeader, from memory", () => {
  it("reads a known header the same as the first time, and the answer cannot be changed", () => {
    const first = readHeader(token({ alg: "HS256", typ: "JWT", kid: "k-memory" }));
    const again = readHeader(token({ alg: "HS256", typ: "JWT", kid: "k-memory" }));
    expect(again).toEqual({ alg: "HS256", keyAlgorithm: "HS256", kid: "k-memory" });
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it("refuses a refused header every time", () => {
    for (let i = 0; i < 2; i++) expect(() => readHeader(token({ alg: "none", kid: "k-memory" }))).toThrow(expect.objectContaining({ code: "ALG_NOT_ALLOWED" }));
  });

  it("still reads every header right once it has forgotten the first ones", () => {
    for (let i = 0; i < 200; i++) expect(readHeader(token({ alg: "HS256", kid: `k-${i}` })).kid).toBe(`k-${i}`);
    expect(readHeader(token({ alg: "EdDSA", kid: "k-0" }))).toEqual({ alg: "EdDSA", keyAlgorithm: "EdDSA", kid: "k-0" });
  });
});
