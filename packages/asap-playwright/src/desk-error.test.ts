import { describe, expect, it } from "vitest";
import { AsapDeskError, deskErrorFromAnswer, deskUnreachable, readDeskErrorBody } from "./desk-error.js";

describe("readDeskErrorBody", () => {
  it("reads the Desk's { error: { code, message, hint } }", () => {
    const text = JSON.stringify({ error: { code: "KEY_NOT_FOUND", message: "No key kid-9.", hint: "List the keys." } });
    expect(readDeskErrorBody(text)).toEqual({ code: "KEY_NOT_FOUND", message: "No key kid-9.", hint: "List the keys." });
  });

  it("takes a missing hint as empty", () => {
    expect(readDeskErrorBody('{"error":{"code":"CONFLICT","message":"Taken."}}')).toEqual({ code: "CONFLICT", message: "Taken.", hint: "" });
  });

  it.each(["<html>Not found</html>", "", "null", "[]", '{"error":"nope"}', '{"error":{"code":1,"message":"x"}}'])("finds none in %j", (text) => {
    expect(readDeskErrorBody(text)).toBeNull();
  });
});

describe("deskErrorFromAnswer", () => {
  it("carries the status and the Desk's code, message and hint, and names the call", () => {
    const error = deskErrorFromAnswer("PUT /desk/api/test-control/v1/clock", 400, JSON.stringify({ error: { code: "VALIDATION_FAILED", message: "offsetSeconds: too large", hint: "At most 30 days." } }));
    expect(error).toBeInstanceOf(AsapDeskError);
    expect(error).toMatchObject({ name: "AsapDeskError", status: 400, code: "VALIDATION_FAILED", hint: "At most 30 days.", request: "PUT /desk/api/test-control/v1/clock" });
    expect(error.body.message).toBe("offsetSeconds: too large");
    expect(error.message).toBe("PUT /desk/api/test-control/v1/clock failed (400): VALIDATION_FAILED: offsetSeconds: too large At most 30 days.");
  });

  it("calls an answer without the Desk's body UNEXPECTED_ANSWER, and a 404 asks whether the URL is the simulator's", () => {
    const error = deskErrorFromAnswer("POST /desk/api/test-control/v1/reset", 404, "<!doctype html><h1>404</h1>");
    expect(error).toMatchObject({ status: 404, code: "UNEXPECTED_ANSWER" });
    expect(error.hint).toMatch(/test-control API/);
  });
});

describe("deskUnreachable", () => {
  it("says where nothing answered and how to start the simulator", () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:4010") });
    const error = deskUnreachable("GET /desk/api/test-control/v1/clock", "http://127.0.0.1:4010", cause);
    expect(error).toMatchObject({ status: 0, code: "DESK_UNREACHABLE", cause });
    expect(error.body.message).toBe("No answer from http://127.0.0.1:4010: connect ECONNREFUSED 127.0.0.1:4010.");
    expect(error.hint).toMatch(/desk:simulator/);
  });
});
