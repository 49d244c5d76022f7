import { ACCEPTED_KINDS_TEXT, formatBytes, MAX_ATTACHMENTS_PER_MESSAGE, typeByName } from "@/lib/contract/attachments";
import type { Attachment, UploadAnswer } from "@/lib/contract/desk-api/attachments";
import { readErrorBody } from "@/lib/contract/error-body";

/**
 * Uploading one attachment from a browser, for the widget, the agent console and the help pages
 * alike: an early check by name and size (the Desk decides by the bytes, and says so after), and the
 * upload itself with its progress. Framework-free and zod-free: the widget's bundle imports it.
 */

/** What the Desk accepts (its attachments/rules answer, or the widget's config). */
export type UploadRules = { maxBytes: number; maxPerMessage?: number };

/** An upload refused, before sending or by the Desk: its stable code and a sentence for people. */
export class UploadError extends Error {
  override name = "UploadError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Why `file` cannot go, before a byte is sent; null when it may. */
export function precheckFile(file: { name: string; size: number }, rules: UploadRules): UploadError | null {
  if (file.size > rules.maxBytes) return new UploadError("FILE_TOO_LARGE", `${file.name} is larger than ${formatBytes(rules.maxBytes)}, the limit for attachments.`);
  if (!typeByName(file.name)) return new UploadError("FILE_TYPE_NOT_ALLOWED", `${file.name} cannot be attached: attach ${ACCEPTED_KINDS_TEXT}.`);
  return null;
}

/** The sentence for one file too many. */
export function tooManyFiles(rules: UploadRules): UploadError {
  const most = rules.maxPerMessage ?? MAX_ATTACHMENTS_PER_MESSAGE;
  return new UploadError("VALIDATION_FAILED", `At most ${most} files can go with one message.`);
}

/**
 * POSTs the file's bytes to `url` (which takes `?name=`) and resolves with the Desk's description of
 * it. XMLHttpRequest, not fetch: only it reports an upload's progress. `signal` cancels it.
 */
export function uploadFile(url: string, file: Blob & { name: string }, options: { headers?: Record<string, string>; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${url}${url.includes("?") ? "&" : "?"}name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      const body: unknown = request.response;
      if (request.status === 201 && body && typeof body === "object" && "attachment" in body) return resolve((body as UploadAnswer).attachment);
      const error = readErrorBody(body);
      reject(new UploadError(error?.code ?? "NETWORK", error ? `${file.name}: ${error.message} ${error.hint}`.trim() : `${file.name} could not be uploaded (${request.status || "no answer"}).`));
    });
    const failed = () => reject(new UploadError("NETWORK", `${file.name} could not be uploaded: the help desk did not answer.`));
    request.addEventListener("error", failed);
    // Cancelled by the page (the person removed the file): rejected as fetch does, not as a refusal.
    request.addEventListener("abort", () => reject(new DOMException(`${file.name}: upload cancelled.`, "AbortError")));
    options.signal?.addEventListener("abort", () => request.abort());
    request.send(file);
  });
}

/** Images pasted into a form, as files with names: a pasted screenshot arrives as a PNG without one. */
export function pastedFiles(event: ClipboardEvent): File[] {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
  return Array.from(event.clipboardData?.files ?? []).map((file, index) => {
    if (file.name && file.name !== "image.png") return file;
    const ext = file.type === "image/jpeg" ? "jpg" : file.type.startsWith("image/") ? file.type.slice(6) : "png";
    return new File([file], `screenshot-${stamp}${index ? `-${index + 1}` : ""}.${ext}`, { type: file.type || "image/png" });
  });
}
