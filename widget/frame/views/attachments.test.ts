// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Attachment } from "@/lib/contract/desk-api/attachments";
import { attachmentField, attachmentList, refusals, type Upload } from "./attachments";

const RULES = { maxBytes: 1024 };
const file = (name: string, size = 10) => new File(["x".repeat(size)], name);
const described = (id: string, name: string): Attachment => ({ id, name, size: 10, contentType: "image/png", image: true, createdAt: "2026-01-01T00:00:00.000Z" });

/** An upload the test settles by hand, one per file. */
function manualUploads() {
  const pending = new Map<string, { progress(fraction: number): void; resolve(a: Attachment): void; reject(e: Error): void; signal: AbortSignal }>();
  const upload: Upload = (picked, options) =>
    new Promise((resolve, reject) => pending.set(picked.name, { progress: options.onProgress, resolve, reject, signal: options.signal }));
  return { upload, pending };
}

function pick(field: ReturnType<typeof attachmentField>, files: File[]) {
  const input = field.node.querySelector("input[type=file]") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  input.dispatchEvent(new Event("change"));
}

const rows = (field: ReturnType<typeof attachmentField>) => Array.from(field.node.querySelectorAll("[aria-label='Files to send'] li"));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("which files may go", () => {
  it("refuses a file too large or of a kind the Desk does not take, by its name", () => {
    const [large, page, log] = refusals([file("big.png", 2048), file("page.html"), file("console.log")], 0, RULES);
    expect(large?.code).toBe("FILE_TOO_LARGE");
    expect(page?.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(log).toBeNull();
  });

  it("refuses files past five, counting only those that go", () => {
    const reasons = refusals([file("bad.exe"), ...["1", "2", "3"].map((n) => file(`${n}.png`))], 3, RULES);
    expect(reasons.map((reason) => reason?.code ?? null)).toEqual(["FILE_TYPE_NOT_ALLOWED", null, null, "VALIDATION_FAILED"]);
  });
});

describe("the attachment field", () => {
  it("shows each upload's progress, then Ready, and hands over the ids once all are done", async () => {
    const { upload, pending } = manualUploads();
    const field = attachmentField(RULES, upload);
    pick(field, [file("a.png"), file("b.pdf")]);
    expect(field.busy()).toBe(true);
    pending.get("a.png")!.progress(0.5);
    expect((field.node.querySelector("progress[aria-label='Uploading a.png']") as HTMLProgressElement).value).toBe(0.5);

    pending.get("a.png")!.resolve(described("id-a", "a.png"));
    pending.get("b.pdf")!.resolve(described("id-b", "b.pdf"));
    await settle();
    expect(field.busy()).toBe(false);
    expect(field.ids()).toEqual(["id-a", "id-b"]);
    expect(rows(field).map((row) => row.textContent)).toEqual(["a.png10 bytesReady✕", "b.pdf10 bytesReady✕"]);
  });

  it("says why a file was refused, before sending or by the Desk, and sends the others", async () => {
    const { upload, pending } = manualUploads();
    const field = attachmentField(RULES, upload);
    pick(field, [file("page.html"), file("cut.png")]);
    expect(pending.has("page.html")).toBe(false);
    pending.get("cut.png")!.reject(new Error("cut.png: The file is damaged."));
    await settle();
    const alerts = Array.from(field.node.querySelectorAll("[role=alert]"), (alert) => alert.textContent);
    expect(alerts).toEqual([expect.stringContaining("page.html cannot be attached"), "cut.png: The file is damaged."]);
    expect(field.busy()).toBe(false);
    expect(field.ids()).toEqual([]);
  });

  it("cancels the upload of a file removed, and forgets everything on reset", async () => {
    const { upload, pending } = manualUploads();
    const field = attachmentField(RULES, upload);
    pick(field, [file("a.png"), file("b.png")]);
    (field.node.querySelector("[aria-label='Remove a.png']") as HTMLButtonElement).click();
    expect(pending.get("a.png")!.signal.aborted).toBe(true);
    expect(rows(field)).toHaveLength(1);

    pending.get("b.png")!.resolve(described("id-b", "b.png"));
    await settle();
    field.reset();
    expect(field.ids()).toEqual([]);
    expect(rows(field)).toHaveLength(0);
    expect((field.node.querySelector("[aria-label='Files to send']") as HTMLElement).hidden).toBe(true);
  });

  it("takes a pasted screenshot as a file, and leaves a text paste alone", () => {
    const { upload, pending } = manualUploads();
    const field = attachmentField(RULES, upload);
    const paste = (files: File[]) => {
      const event = new Event("paste", { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, "clipboardData", { value: { files } });
      field.paste(event);
      return event.defaultPrevented;
    };
    expect(paste([])).toBe(false);
    expect(paste([new File(["png"], "image.png", { type: "image/png" })])).toBe(true);
    expect([...pending.keys()]).toEqual([expect.stringMatching(/^screenshot-.*\.png$/)]);
  });
});

describe("a message's files", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows images as thumbnails fetched with the reader's credentials, and other files by name and size", async () => {
    const fetch = vi.fn(async () => new Response("webp"));
    vi.stubGlobal("fetch", fetch);
    URL.createObjectURL = () => "blob:thumbnail"; // jsdom has no object URLs
    const shot = described("id-shot", "shot.png");
    const log = { ...described("id-log", "console.log"), contentType: "text/plain" as const, image: false, size: 2048 };
    const group = attachmentList([shot, log], () => ({ "X-Chat-Token": "t" }))!;
    await settle();

    expect(group.getAttribute("role")).toBe("group");
    expect(fetch).toHaveBeenCalledWith("/desk/api/asap/v1/attachments/id-shot/thumbnail", { headers: { "X-Chat-Token": "t" } });
    const [image, other] = Array.from(group.querySelectorAll("button"));
    expect(image?.querySelector("img")?.getAttribute("alt")).toBe("shot.png");
    expect(image?.querySelector("img")?.getAttribute("src")).toBe("blob:thumbnail");
    expect(image?.textContent).toBe(" (10 bytes)");
    expect(other?.textContent).toBe("console.log (2 KB)");
  });

  it("shows nothing for a message without files", () => {
    expect(attachmentList([], () => ({}))).toBeNull();
  });
});
