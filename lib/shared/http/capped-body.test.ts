import { describe, expect, it } from "vitest";
import { mediaTypeOf, readCappedBody } from "./capped-body";

function streamOf(...chunks: number[]): ReadableStream<Uint8Array> & { cancelled: boolean } {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((size, index) => controller.enqueue(new Uint8Array(size).fill(index + 1)));
      controller.close();
    },
    cancel() {
      stream.cancelled = true;
    },
  }) as ReadableStream<Uint8Array> & { cancelled: boolean };
  stream.cancelled = false;
  return stream;
}

describe("mediaTypeOf", () => {
  it("reads the media type without its parameters, lower-cased", () => {
    expect(mediaTypeOf("Application/Octet-Stream; charset=binary")).toBe("application/octet-stream");
    expect(mediaTypeOf(null)).toBe("");
  });
});

describe("readCappedBody", () => {
  it("joins the chunks of a body within the limit into one buffer", async () => {
    const bytes = await readCappedBody(streamOf(3, 2), 5);
    expect(Array.from(bytes ?? [])).toEqual([1, 1, 1, 2, 2]);
  });

  it("gives up as soon as the body passes the limit, and cancels the rest", async () => {
    const stream = streamOf(3, 3, 3);
    expect(await readCappedBody(stream, 5)).toBeNull();
    expect(stream.cancelled).toBe(true);
  });

  it("reads a missing body as empty (the Desk refuses an empty file itself)", async () => {
    expect(await readCappedBody(null, 5)).toEqual(new Uint8Array(0));
  });
});
