import "server-only";
import type { Attachment, AttachmentRulesAnswer, UploadAnswer } from "@/lib/contract/desk-api/attachments";
import type { SiteUser } from "@/lib/site/users";
import { asUser } from "./as-user";
import { deskApi, deskFetch } from "./desk-api";

/** The Desk's attachments, as the help pages use them: its rules, an upload, and a file to pass on. */

export type AttachmentVariant = "file" | "thumbnail";

/** What the Desk accepts: public and rarely changed, so cached like the articles. */
export const attachmentRules = () => deskApi<AttachmentRulesAnswer>("attachments/rules", { next: { revalidate: 300 } });

// The Desk reads the whole file (it decodes images and makes thumbnails): more than a JSON call's 5 s.
const UPLOAD_TIMEOUT_MS = 30_000;

export async function uploadAttachment(user: SiteUser, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<Attachment> {
  const path = `attachments?${new URLSearchParams({ name })}`;
  const answer = await asUser(user, (bearer) =>
    deskApi<UploadAnswer>(path, {
      method: "POST",
      bearer,
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
      cache: "no-store",
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    }),
  );
  return answer.attachment;
}

// Until the Desk answers only: its body then streams on at the browser's pace, however slow.
const FILE_ANSWER_TIMEOUT_MS = 10_000;

/** The Desk's answer carrying the file, its body unread; a DeskApiError (NOT_FOUND) when the user may not read it. */
export function fetchAttachment(user: SiteUser, id: string, variant: AttachmentVariant): Promise<Response> {
  const path = `attachments/${encodeURIComponent(id)}${variant === "thumbnail" ? "/thumbnail" : ""}`;
  return asUser(user, async (bearer) => {
    const answered = new AbortController();
    const timer = setTimeout(() => answered.abort(), FILE_ANSWER_TIMEOUT_MS);
    try {
      return await deskFetch(path, { bearer, headers: { Accept: "*/*" }, cache: "no-store", signal: answered.signal });
    } finally {
      clearTimeout(timer);
    }
  });
}
