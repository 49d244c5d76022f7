import { describe, expect, it, vi } from "vitest";
import { callLoginCallback, type LoginCallback } from "./login-callback";

function call(callback: LoginCallback) {
  const outcome = { token: vi.fn(), failed: vi.fn() };
  callLoginCallback(callback, outcome);
  return outcome;
}

describe("the page's login callback", () => {
  it("hands over the token it gives", () => {
    const outcome = call((success) => success("header.payload.signature"));
    expect(outcome.token).toHaveBeenCalledWith("header.payload.signature");
    expect(outcome.failed).not.toHaveBeenCalled();
  });

  it("reports the app's refusal in its own words", () => {
    expect(call((_success, failure) => failure(new Error("Verify your email address first."))).failed).toHaveBeenCalledWith("Verify your email address first.");
    expect(call((_success, failure) => failure("no session")).failed).toHaveBeenCalledWith("no session");
  });

  it("treats an empty or non-string token, and a throw, as a refusal", () => {
    expect(call((success) => success("")).failed).toHaveBeenCalledWith("the login callback gave no token");
    expect(call((success) => success({ token: "x" })).failed).toHaveBeenCalledWith("the login callback gave no token");
    expect(
      call(() => {
        throw new TypeError("fetch is not a function");
      }).failed,
    ).toHaveBeenCalledWith("fetch is not a function");
  });

  it("counts only the first outcome, whichever it is", async () => {
    let later: (() => void) | null = null;
    const outcome = call((success, failure) => {
      success("first");
      failure(new Error("second"));
      later = () => success("third");
    });
    later!();
    expect(outcome.token.mock.calls).toEqual([["first"]]);
    expect(outcome.failed).not.toHaveBeenCalled();
  });
});
