import { describe, expect, it } from "vitest";
import { AsapError } from "@/lib/desk/iam/errors";
import { startChat } from "./chat";
import { chatEventStream, MAX_STREAMS_PER_CHAT } from "./chat-stream";

const guest = { kind: "anonymous", clientIp: "198.51.100.90" } as const;

describe("chat event streams", () => {
  it("lets one chat hold a few streams on an instance, and frees a place when one closes", async () => {
    const { chat } = await startChat(guest, { name: "Guest", message: "Hello" });
    const aborts = Array.from({ length: MAX_STREAMS_PER_CHAT }, () => new AbortController());
    const streams = aborts.map((abort) => chatEventStream(guest, chat.id, null, abort.signal));

    let refused: unknown;
    try {
      chatEventStream(guest, chat.id, null, new AbortController().signal);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AsapError);
    expect((refused as AsapError).code).toBe("RATE_LIMITED");
    expect((refused as AsapError).retryAfterSeconds).toBeGreaterThan(0);

    await streams[0]?.cancel();
    const another = chatEventStream(guest, chat.id, null, new AbortController().signal);
    await Promise.all([another, ...streams.slice(1)].map((stream) => stream.cancel()));
  });
});
