import { describe, expect, it, vi } from "vitest";
import { hostEvents } from "./host-events";

describe("hostEvents", () => {
  it("calls each listener of an event with its payload, until it is removed", () => {
    const events = hostEvents();
    const signedIn = vi.fn();
    const other = vi.fn();
    const off = events.on("signedIn", signedIn);
    events.on("signedOut", other);
    events.emit("signedIn", { contact: { name: "Ada", email: "ada@example.com" } });
    expect(signedIn).toHaveBeenCalledWith({ contact: { name: "Ada", email: "ada@example.com" } });
    expect(other).not.toHaveBeenCalled();
    off();
    events.emit("signedIn", { contact: { name: "Ada", email: "ada@example.com" } });
    expect(signedIn).toHaveBeenCalledTimes(1);
    events.off("signedOut", other);
    events.emit("signedOut", { reason: "logout" });
    expect(other).not.toHaveBeenCalled();
  });

  it("keeps calling the others when one listener throws, and says so on the console", () => {
    const events = hostEvents();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    events.on("loginFailed", () => {
      throw new Error("page bug");
    });
    events.on("loginFailed", after);
    events.emit("loginFailed", { code: "SIGNATURE_INVALID", message: "No match", hint: "Check the secret" });
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith('[ASAP] a "loginFailed" listener threw:', expect.any(Error));
    error.mockRestore();
  });

  it("refuses an unknown event or a listener that is not a function", () => {
    const events = hostEvents();
    expect(() => events.on("loggedIn" as never, () => {})).toThrow('unknown event "loggedIn"');
    expect(() => events.on("signedIn", "nope" as never)).toThrow("listener must be a function");
  });
});
