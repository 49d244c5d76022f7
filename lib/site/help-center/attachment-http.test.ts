import { describe, expect, it } from "vitest";
import { FILE_SECURITY_HEADERS } from "@/lib/shared/http/file-response";
import { servedFileHeaders } from "./attachment-http";

describe("servedFileHeaders", () => {
  const desk = (headers: Record<string, string>) => servedFileHeaders(new Headers(headers));

  it("adds the shared security headers and keeps the Desk's type, name and length", () => {
    const headers = desk({ "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="report.pdf"', "Content-Length": "1234" });
    for (const [name, value] of Object.entries(FILE_SECURITY_HEADERS)) expect(headers.get(name)).toBe(value);
    expect(headers.get("content-type")).toBe("application/pdf");
    expect(headers.get("content-disposition")).toBe('attachment; filename="report.pdf"');
    expect(headers.get("content-length")).toBe("1234");
  });

  it("passes on nothing else of the Desk's answer", () => {
    const headers = desk({ "Content-Type": "image/png", "Set-Cookie": "desk=1", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=600" });
    expect(headers.get("set-cookie")).toBeNull();
    expect(headers.get("access-control-allow-origin")).toBeNull();
    expect(headers.get("cache-control")).toBe(FILE_SECURITY_HEADERS["Cache-Control"]);
  });

  it("serves a WebP thumbnail inline, as the Desk says", () => {
    const headers = desk({ "Content-Type": "image/webp", "Content-Disposition": 'inline; filename="shot.webp"' });
    expect(headers.get("content-type")).toBe("image/webp");
    expect(headers.get("content-disposition")).toBe('inline; filename="shot.webp"');
  });

  it("always names text's charset, so the browser never guesses it", () => {
    expect(desk({ "Content-Type": "text/plain; charset=iso-8859-1" }).get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("turns a type no attachment may have into an opaque download", () => {
    const headers = desk({ "Content-Type": "text/html", "Content-Disposition": 'inline; filename="page.html"' });
    expect(headers.get("content-type")).toBe("application/octet-stream");
    expect(headers.get("content-disposition")).toBe("attachment");
  });

  it("downloads anything but an image, even when the Desk says inline", () => {
    expect(desk({ "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="a.pdf"' }).get("content-disposition")).toBe('attachment; filename="a.pdf"');
    expect(desk({ "Content-Type": "application/zip" }).get("content-disposition")).toBe("attachment");
  });

  it("drops a length that is not the body's: malformed, or of a compressed answer fetch has decompressed", () => {
    expect(desk({ "Content-Type": "image/png", "Content-Length": "12, 12" }).get("content-length")).toBeNull();
    expect(desk({ "Content-Type": "text/plain", "Content-Length": "40", "Content-Encoding": "gzip" }).get("content-length")).toBeNull();
  });
});
