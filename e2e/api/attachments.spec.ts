import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { contactSession } from "../support/desk";

// Attachments over real HTTP: the upload's media type and size gate, who may fetch a file, and the
// headers every file leaves with. What is accepted by content, the crash and the sweep are tested
// below HTTP (lib/desk/attachments/attachments.int.test.ts).
const API = "/desk/api/asap/v1";
const SITE = new URL(baseURL).origin;
// A 1×1 PNG, and a PDF small enough to read.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const errorCode = async (response: APIResponse) => ({ status: response.status(), code: ((await response.json()) as { error?: { code: string } }).error?.code });
const octets = { "content-type": "application/octet-stream" };

test.describe("attachments over HTTP", () => {
  test("a contact's files reach them, with headers that keep them data; anyone else gets 404", async ({ request }) => {
    const owner = await contactSession(request, SITE);
    const upload = async (name: string, data: Buffer) => {
      const response = await request.post(`${API}/attachments?name=${encodeURIComponent(name)}`, { data, headers: { ...owner.headers, ...octets } });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { attachment: { id: string; name: string } }).attachment;
    };
    const shot = await upload("screen shot.png", PNG);
    const manual = await upload("Handbuch für Sie.pdf", PDF);
    const created = await request.post(`${API}/tickets`, { data: { subject: "Invoice", description: "See attached", attachmentIds: [shot.id, manual.id] }, headers: owner.headers });
    expect(created.status()).toBe(201);

    const image = await request.get(`${API}/attachments/${shot.id}`, { headers: owner.headers });
    expect(image.status()).toBe(200);
    expect(Buffer.compare(await image.body(), PNG)).toBe(0);
    const pdf = await request.get(`${API}/attachments/${manual.id}`, { headers: owner.headers });
    for (const [response, type, disposition] of [
      [image, "image/png", 'inline; filename="screen shot.png"'],
      [pdf, "application/pdf", `attachment; filename="Handbuch f_r Sie.pdf"; filename*=UTF-8''Handbuch%20f%C3%BCr%20Sie.pdf`],
    ] as const) {
      const headers = response.headers();
      expect(headers["content-type"]).toBe(type);
      expect(headers["content-disposition"]).toBe(disposition);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      // The route's own CSP, alone: not replaced by the one every page gets.
      expect(headers["content-security-policy"]).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["cache-control"]).toBe("private, no-store");
      expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
    }
    const thumbnail = await request.get(`${API}/attachments/${shot.id}/thumbnail`, { headers: owner.headers });
    expect(thumbnail.headers()["content-type"]).toBe("image/webp");
    expect(await errorCode(await request.get(`${API}/attachments/${manual.id}/thumbnail`, { headers: owner.headers }))).toEqual({ status: 404, code: "NOT_FOUND" });

    const intruder = await contactSession(request, SITE);
    for (const path of [`attachments/${shot.id}`, `attachments/${shot.id}/thumbnail`, `attachments/${manual.id}`]) {
      expect(await errorCode(await request.get(`${API}/${path}`, { headers: intruder.headers })), path).toEqual({ status: 404, code: "NOT_FOUND" });
      expect(await errorCode(await request.get(`${API}/${path}`)), path).toEqual({ status: 404, code: "NOT_FOUND" });
    }
  });

  test("an upload is the file's bytes only, within the size limit, checked before it is read", async ({ request }) => {
    const owner = await contactSession(request, SITE);
    const url = `${API}/attachments?name=x.txt`;
    for (const type of ["multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded"]) {
      expect(await errorCode(await request.post(url, { data: "a=b", headers: { ...owner.headers, "content-type": type } })), type).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    }
    const rules = (await (await request.get(`${API}/attachments/rules`)).json()) as { maxBytes: number; maxPerMessage: number; types: string[] };
    expect(rules).toEqual({ maxBytes: 10 * 1024 * 1024, maxPerMessage: 5, types: expect.arrayContaining(["image/png", "application/pdf", "text/plain", "application/zip"]) });
    const tooLarge = await request.post(url, { data: Buffer.alloc(rules.maxBytes + 1, 0x61), headers: { ...owner.headers, ...octets } });
    expect(await errorCode(tooLarge)).toEqual({ status: 413, code: "FILE_TOO_LARGE" });
    expect(await errorCode(await request.post(`${API}/attachments`, { data: PNG, headers: { ...owner.headers, ...octets } }))).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  });
});
