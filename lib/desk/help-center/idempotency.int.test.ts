import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { refusal } from "@/test/integration/callers";
import { idempotent, readIdempotencyKey } from "./idempotency";

// Idempotency-Key's own rules, apart from any resource: which keys are taken, what replays, what is refused.
const headers = (key?: string) => new Headers(key === undefined ? {} : { "idempotency-key": key });

describe("readIdempotencyKey", () => {
  it("takes 1 to 255 visible ASCII characters, and no header as no key", () => {
    expect(readIdempotencyKey(headers())).toBeNull();
    expect(readIdempotencyKey(headers("a"))).toBe("a");
    expect(readIdempotencyKey(headers("k".repeat(255)))).toBe("k".repeat(255));
    expect(readIdempotencyKey(headers('"quoted:key/with~punctuation!"'))).toBe('"quoted:key/with~punctuation!"');
  });

  it.each([
    ["empty", ""],
    ["256 characters", "k".repeat(256)],
    ["with a space", "two words"],
    ["Latin-1, not ASCII", "cl\u00e9"],
    ["with a control character", "tab\there"],
  ])("refuses a key that is %s with VALIDATION_FAILED", async (_what, key) => {
    expect((await refusal(() => readIdempotencyKey(headers(key)))).code).toBe("VALIDATION_FAILED");
  });
});

type Answer = { answer: string };

describe("idempotent", () => {
  const work = (answer: string) => async () => ({ status: 201, body: { answer } });

  it("replays by key whatever the order of the body's fields", async () => {
    const scope = `test:${randomUUID()}`;
    const first = await idempotent<Answer>(scope, "k1", { a: 1, b: [1, 2] }, work("first"));
    const again = await idempotent<Answer>(scope, "k1", { b: [1, 2], a: 1 }, work("second"));
    expect(first).toEqual({ status: 201, body: { answer: "first" }, replayed: false });
    expect(again).toEqual({ status: 201, body: { answer: "first" }, replayed: true });
  });

  it("refuses the key with another body, even one that differs only in an array's order", async () => {
    const scope = `test:${randomUUID()}`;
    await idempotent<Answer>(scope, "k1", { tags: ["a", "b"] }, work("first"));
    expect((await refusal(idempotent<Answer>(scope, "k1", { tags: ["b", "a"] }, work("second")))).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("keeps scopes apart: one key in two scopes is two requests", async () => {
    const key = randomUUID();
    await idempotent<Answer>(`test:${randomUUID()}`, key, { a: 1 }, work("first"));
    expect(await idempotent<Answer>(`test:${randomUUID()}`, key, { a: 2 }, work("second"))).toMatchObject({ body: { answer: "second" }, replayed: false });
  });

  it("answers CONFLICT while the first request with the key is still being processed", async () => {
    const scope = `test:${randomUUID()}`;
    await db.idempotencyRecord.create({ data: { scope, key: "k1", requestHash: "in-flight", expiresAt: new Date(Date.now() + 60_000) } });
    expect((await refusal(idempotent<Answer>(scope, "k1", { a: 1 }, work("second")))).code).toBe("CONFLICT");
  });

  it("keeps no record when the work fails, so a retry with the key runs again", async () => {
    const scope = `test:${randomUUID()}`;
    await expect(idempotent<Answer>(scope, "k1", { a: 1 }, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await idempotent<Answer>(scope, "k1", { a: 1 }, work("retried"))).toMatchObject({ body: { answer: "retried" }, replayed: false });
  });
});
