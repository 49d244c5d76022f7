import { describe, expect, it, vi } from "vitest";
import { sseMessages } from "./chat";

describe("the chat's event stream reader", () => {
  it("yields each message event's data, however the stream is cut into chunks", () => {
    const data: string[] = [];
    const feed = sseMessages((item) => data.push(item));
    const stream = 'event: message\nid: 1\ndata: {"id":"1"}\n\n: keep-alive\n\nevent: message\ndata: {"id":"2"}\n\n';
    for (const chunk of [stream.slice(0, 7), stream.slice(7, 30), stream.slice(30)]) feed(chunk);
    expect(data).toEqual(['{"id":"1"}', '{"id":"2"}']);
  });

  it("waits for the blank line that ends an event", () => {
    const data: string[] = [];
    const feed = sseMessages((item) => data.push(item));
    feed('event: message\ndata: {"id":"1"}\n');
    expect(data).toEqual([]);
    feed("\n");
    expect(data).toHaveLength(1);
  });

  it("reads the stream as the standard has it: CRLF lines, data over several lines, other events skipped", () => {
    const data: string[] = [];
    const feed = sseMessages((item) => data.push(item));
    feed('event: message\r\nid: 1\r\ndata: {"id":\r\ndata: "1"}\r\n\r\nevent: typing\r\ndata: {}\r\n\r\n');
    expect(data).toEqual(['{"id":\n"1"}']);
  });

  it("calls back once the chat has ended", () => {
    const data: string[] = [];
    const onEnded = vi.fn();
    const feed = sseMessages((item) => data.push(item), onEnded);
    feed('event: message\nid: 1\ndata: {"id":"1"}\n\nevent: ended\ndata: {"id":"c","status":"ended"}\n\n');
    expect(data).toEqual(['{"id":"1"}']);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });
});
