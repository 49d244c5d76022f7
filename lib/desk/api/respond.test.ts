import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AsapError } from "@/lib/desk/iam/errors";
import { handle, readJson } from "./respond";

const schema = z.object({ subject: z.string() }).passthrough();

const post = (body: string, contentType?: string) =>
  new Request("http://desk.test/desk/api/asap/v1/tickets", { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });

async function refusal(work: Promise<unknown>): Promise<AsapError> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AsapError);
  return error as AsapError;
}

describe("readJson: only application/json bodies", () => {
  // Any web page may send these cross-site without a preflight (CORS "simple requests").
  it.each([
    ["text/plain", "text/plain"],
    ["text/plain with a charset", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no content type", undefined],
    ["json after another type", "text/plain, application/json"],
    ["a look-alike", "application/jsonx"],
    ["a look-alike parameter", "text/plain; type=application/json"],
  ])("refuses %s with 415 UNSUPPORTED_MEDIA_TYPE", async (_label, contentType) => {
    const error = await refusal(readJson(post('{"subject":"hi"}', contentType), schema));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.status).toBe(415);
    expect(error.hint).toContain("application/json");
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json "])("accepts %j", async (contentType) => {
    await expect(readJson(post('{"subject":"hi"}', contentType), schema)).resolves.toEqual({ subject: "hi" });
  });
});

describe("readJson: well-formed Unicode only", () => {
  it.each([
    ["a lone high surrogate", '{"subject":"\\ud800"}', "subject"],
    ["a lone low surrogate mid-text", '{"subject":"ok \\udc00 ok"}', "subject"],
    ["a reversed pair", '{"subject":"\\udc00\\ud800"}', "subject"],
    ["a nested value", '{"subject":"ok","extra":{"list":["fine","\\ud83d"]}}', "extra.list.1"],
  ])("refuses %s with VALIDATION_FAILED naming the field", async (_label, body, field) => {
    const error = await refusal(readJson(post(body, "application/json"), schema));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain(`"${field}"`);
    expect(error.message.isWellFormed()).toBe(true);
  });

  it("refuses an ill-formed field name, without echoing it", async () => {
    const error = await refusal(readJson(post('{"subject":"ok","a\\ud800":1}', "application/json"), schema));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain("field name");
    expect(error.message.isWellFormed()).toBe(true);
  });

  it("accepts surrogate pairs: emoji and other astral characters", async () => {
    await expect(readJson(post('{"subject":"\\ud83d\\ude00 😀 𝄞"}', "application/json"), schema)).resolves.toEqual({ subject: "😀 😀 𝄞" });
  });
});

describe("handle: unexpected errors", () => {
  afterEach(() => vi.restoreAllMocks());

  const logged = async (error: unknown) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await handle(async () => {
      throw error;
    });
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledTimes(1);
    return log.mock.calls[0]!.map(String).join(" ");
  };

  it("logs a Prisma error as its name and code, never its message (the bundled code it quotes)", async () => {
    const error = new Prisma.PrismaClientKnownRequestError("Invalid `t=Object.create()` invocation in\n/app/chunk.js:27:2556\n" + "x".repeat(33_000), {
      code: "P2002",
      clientVersion: "6.19.3",
    });
    const line = await logged(error);
    expect(line).toContain("PrismaClientKnownRequestError P2002");
    expect(line).not.toContain("invocation");
  });

  it("keeps an unknown Prisma error to its name", async () => {
    const line = await logged(new Prisma.PrismaClientUnknownRequestError("Invalid invocation\n" + "x".repeat(33_000), { clientVersion: "6.19.3" }));
    expect(line).toContain("PrismaClientUnknownRequestError");
    expect(line).not.toContain("invocation");
  });

  it("logs any other error on one short line, without its stack", async () => {
    const error = new Error("first line\n    at secret (/app/.next/server/chunk.js:1:2)\n" + "y".repeat(40_000));
    const line = await logged(error);
    expect(line.length).toBeLessThan(400);
    expect(line).not.toContain("\n");
    expect(line).toContain("Error: first line");
  });
});
