import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/test/integration/database";
import { createSignInThrottle, TooManyAttemptsError } from "./sign-in-throttle";

const limits = { failuresPerAccount: 3, failuresPerAddress: 5, windowSeconds: 60 };
const processA = openDatabase();
const processB = openDatabase();
afterAll(() => Promise.all([processA.$disconnect(), processB.$disconnect()]));

const throttleA = createSignInThrottle(processA, "test", limits);
const throttleB = createSignInThrottle(processB, "test", limits);

async function refusal(promise: Promise<void>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return null;
}

describe("sign-in throttle", () => {
  it("allows attempts until an account reaches its failure limit, then says how long to wait", async () => {
    for (let i = 0; i < limits.failuresPerAccount; i++) {
      await expect(throttleA.assertAllowed("a@example.com", "10.0.0.1")).resolves.toBeUndefined();
      await throttleA.recordFailure("a@example.com", "10.0.0.1");
    }
    const error = await refusal(throttleA.assertAllowed("a@example.com", "10.0.0.2"));
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect((error as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as TooManyAttemptsError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("holds across processes: failures counted by one are enforced by another", async () => {
    for (let i = 0; i < limits.failuresPerAccount; i++) await throttleA.recordFailure("b@example.com", "10.0.1.1");
    expect(await refusal(throttleB.assertAllowed("b@example.com", "10.0.1.9"))).toBeInstanceOf(TooManyAttemptsError);
  });

  it("clears an account's count on success", async () => {
    for (let i = 0; i < limits.failuresPerAccount - 1; i++) await throttleA.recordFailure("c@example.com", "10.0.2.1");
    await throttleB.recordSuccess("c@example.com");
    await throttleA.recordFailure("c@example.com", "10.0.2.1");
    await expect(throttleA.assertAllowed("c@example.com", "10.0.2.2")).resolves.toBeUndefined();
  });

  it("limits one address spraying many accounts", async () => {
    for (let i = 0; i < limits.failuresPerAddress; i++) await throttleA.recordFailure(`spray${i}@example.com`, "10.0.3.1");
    expect(await refusal(throttleB.assertAllowed("fresh@example.com", "10.0.3.1"))).toBeInstanceOf(TooManyAttemptsError);
    await expect(throttleB.assertAllowed("fresh@example.com", "10.0.3.2")).resolves.toBeUndefined();
  });

  it("counts concurrent failures without losing any", async () => {
    await Promise.all(
      Array.from({ length: limits.failuresPerAccount }, (_, i) =>
        (i % 2 ? throttleA : throttleB).recordFailure("d@example.com", `10.0.4.${i}`),
      ),
    );
    expect(await refusal(throttleA.assertAllowed("d@example.com", "10.0.4.99"))).toBeInstanceOf(TooManyAttemptsError);
  });
});
