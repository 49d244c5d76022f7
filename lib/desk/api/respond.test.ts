import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AsapError } from "@/lib/desk/iam/errors";
import { readJson } from "./respond";

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
