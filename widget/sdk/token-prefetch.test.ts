import { describe, expect, it, vi } from "vitest";
import type { LoginCallback } from "./login-callback";
import { loginTokens, PREFETCH_MAX_AGE_MS } from "./token-prefetch";

/** A page's login callback whose every call waits for the test to answer it, as a fetch would. */
function pageCallback() {
  const calls: Array<Parameters<LoginCallback>> = [];
  const callback: LoginCallback = (...call) => void calls.push(call);
  return {
    callback,
    calls,
    answer: (index: number, token: string) => calls[index]![0](token),
    refuse: (index: number, reason: unknown) => calls[index]![1](reason),
  };
}

/** The SDK's token source under a fake clock, and what reaches the frame (PAGE_TO_FRAME.token or tokenFailed). */
function sdk() {
  let now = 0;
  const tokens = loginTokens(() => now);
  const frame = { token: vi.fn(), failed: vi.fn() };
  return { tokens, frame, need: () => tokens.need(frame), tick: (ms: number) => void (now += ms) };
}

/** Lets every answer already given reach the frame. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the login callback, asked while the frame loads", () => {
  it("hands the prefetched token to the frame's first need only; a later need asks the page again", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, true);
    expect(page.calls).toHaveLength(1);
    page.answer(0, "jwt-1");

    need();
    await settle();
    expect(frame.token.mock.calls).toEqual([["jwt-1"]]);
    expect(page.calls).toHaveLength(1);

    need();
    expect(page.calls).toHaveLength(2);
    page.answer(1, "jwt-2");
    await settle();
    expect(frame.token.mock.calls).toEqual([["jwt-1"], ["jwt-2"]]);
  });

  it("hands over a prefetch still on its way as soon as the page answers, without asking again", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, true);
    need();
    await settle();
    expect(frame.token).not.toHaveBeenCalled();

    page.answer(0, "jwt-1");
    await settle();
    expect(frame.token.mock.calls).toEqual([["jwt-1"]]);
    expect(page.calls).toHaveLength(1);
  });

  it("reports the page's refusal once, when the frame asks, and never before", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, true);
    page.refuse(0, new Error("Verify your email address first."));
    await settle();
    expect(frame.failed).not.toHaveBeenCalled();

    need();
    await settle();
    expect(frame.failed.mock.calls).toEqual([["Verify your email address first."]]);
    expect(frame.token).not.toHaveBeenCalled();
    expect(page.calls).toHaveLength(1);
  });

  it("reports a callback that throws as a refusal, once", async () => {
    const { tokens, frame, need } = sdk();
    tokens.login(() => {
      throw new TypeError("fetch is not a function");
    }, true);
    need();
    await settle();
    expect(frame.failed.mock.calls).toEqual([["fetch is not a function"]]);
  });

  it("on logout, drops the prefetched token and any still coming: none reaches the frame", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();

    tokens.login(page.callback, true);
    page.answer(0, "kept");
    tokens.logout();
    need();

    tokens.login(page.callback, true);
    need();
    tokens.logout();
    page.answer(1, "in flight");

    tokens.login(page.callback, false);
    need();
    tokens.logout();
    page.answer(2, "asked as today");

    await settle();
    expect(page.calls).toHaveLength(3);
    expect(frame.token).not.toHaveBeenCalled();
    expect(frame.failed).not.toHaveBeenCalled();
  });

  it(`drops a prefetch asked for more than ${PREFETCH_MAX_AGE_MS / 1000} s before the frame needs it, and asks afresh`, async () => {
    const { tokens, frame, need, tick } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, true);
    page.answer(0, "fresh enough");
    tick(PREFETCH_MAX_AGE_MS);
    need();
    await settle();
    expect(frame.token.mock.calls).toEqual([["fresh enough"]]);

    tokens.login(page.callback, true);
    page.answer(1, "stale");
    tick(PREFETCH_MAX_AGE_MS + 1);
    need();
    expect(page.calls).toHaveLength(3);
    page.answer(2, "new");
    await settle();
    expect(frame.token.mock.calls).toEqual([["fresh enough"], ["new"]]);
  });

  it("a second login callback replaces the first: the first's token, kept or late, reaches nobody", async () => {
    const { tokens, frame, need } = sdk();
    const ada = pageCallback();
    const grace = pageCallback();
    tokens.login(ada.callback, true);
    tokens.login(grace.callback, true);
    ada.answer(0, "ada's");
    need();
    grace.answer(0, "grace's");
    await settle();
    expect(frame.token.mock.calls).toEqual([["grace's"]]);

    // A need under Ada's callback, answered after Grace's login.
    const late = sdk();
    late.tokens.login(ada.callback, false);
    late.need();
    late.tokens.login(grace.callback, false);
    ada.answer(1, "ada's, late");
    await settle();
    expect(late.frame.token).not.toHaveBeenCalled();
  });

  it("asks nothing ahead when the frame may resume its session, then asks the callback when the frame needs a token", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, false);
    expect(page.calls).toHaveLength(0);

    need();
    expect(page.calls).toHaveLength(1);
    page.answer(0, "refreshed");
    await settle();
    expect(frame.token.mock.calls).toEqual([["refreshed"]]);
  });

  it("asks nothing after a logout, with no callback to ask", async () => {
    const { tokens, frame, need } = sdk();
    tokens.logout();
    need();
    await settle();
    expect(frame.token).not.toHaveBeenCalled();
    expect(frame.failed).not.toHaveBeenCalled();
  });

  it("drops a prefetched or coming token when someone signs out elsewhere, and asks the page afresh, keeping its callback", async () => {
    const { tokens, frame, need } = sdk();
    const page = pageCallback();
    tokens.login(page.callback, true);
    page.answer(0, "jwt-before-the-sign-out");
    tokens.drop();
    need();
    expect(page.calls).toHaveLength(2);
    page.refuse(1, new Error("nobody is signed in"));
    await settle();
    expect(frame.token).not.toHaveBeenCalled();
    expect(frame.failed.mock.calls).toEqual([["nobody is signed in"]]);

    tokens.login(page.callback, true);
    need();
    tokens.drop(); // while the page is still answering: its answer reaches nobody
    page.answer(2, "jwt-late");
    await settle();
    expect(frame.token).not.toHaveBeenCalled();
  });
});
