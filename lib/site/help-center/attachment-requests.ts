import "server-only";
import { formatBytes } from "@/lib/contract/attachments";
import { attachmentId, uploadQuery, type UploadAnswer } from "@/lib/contract/desk-api/attachments";
import type { HttpErrorCodeOf } from "@/lib/contract/errors";
import { isSameOriginRequest } from "@/lib/shared/same-origin";
import { EMAIL_NOT_VERIFIED_MESSAGE, NO_STORE, refuse } from "@/lib/site/asap/api-guard";
import { currentUser } from "@/lib/site/current-user";
import type { SiteUser } from "@/lib/site/users";
import { mediaTypeOf, readCappedBody } from "@/lib/shared/http/capped-body";
import { servedFileHeaders } from "./attachment-http";
import { attachmentRules, fetchAttachment, uploadAttachment, type AttachmentVariant } from "./attachments";
import { DeskApiError } from "./desk-api";

/**
 * The help pages' attachment routes (/help/attachments), between the browser and the Desk: who may
 * ask, what an upload must be, and the Desk's refusals answered as the site's own. proxy.ts does not
 * cover these paths, and a route handler answers JSON rather than redirecting, so the user is checked here.
 */

/** A signed-in user whose address is verified (tickets are found by email), or the refusal. */
export async function signedInReader(): Promise<SiteUser | Response> {
  const user = await currentUser();
  if (!user) return refuse("UNAUTHENTICATED", "Sign in to the site first.", "Sign in, then open your ticket again.");
  if (!user.emailVerified) return refuse("EMAIL_NOT_VERIFIED", EMAIL_NOT_VERIFIED_MESSAGE, "Open the link in the email we sent, or ask for a new one on your account page.");
  return user;
}

/** The same, for an upload: it changes state, and route handlers get no CSRF defence from Next.js or Auth.js. */
export async function signedInUploader(request: Request): Promise<SiteUser | Response> {
  if (!isSameOriginRequest(request)) return refuse("FORBIDDEN", "Cross-site requests may not upload files.", "Attach files from a page of this site.");
  return signedInReader();
}

/** POST /help/attachments?name=: the file's bytes, capped at the Desk's limit, sent on with the user's session. */
export async function answerUpload(user: SiteUser, request: Request): Promise<Response> {
  if (mediaTypeOf(request.headers.get("content-type")) !== "application/octet-stream") {
    const hint = "Send Content-Type: application/octet-stream, with the file's name in ?name=.";
    return refuse("VALIDATION_FAILED", "An upload's body must be the file itself, sent as application/octet-stream.", hint);
  }
  const query = uploadQuery.safeParse({ name: new URL(request.url).searchParams.get("name") });
  if (!query.success) return refuse("VALIDATION_FAILED", `The upload has no usable file name: ${query.error.issues[0]?.message}.`, "Send the file's name in ?name=.");
  try {
    const { maxBytes } = await attachmentRules();
    // Refused by its declared length before a byte is read, or else as soon as it passes the limit.
    const bytes = Number(request.headers.get("content-length")) > maxBytes ? null : await readCappedBody(request.body, maxBytes);
    if (!bytes) return refuse("FILE_TOO_LARGE", `The file is larger than ${formatBytes(maxBytes)}, the limit for attachments.`, "Attach a smaller file, or compress it into a ZIP archive.");
    const answer: UploadAnswer = { attachment: await uploadAttachment(user, query.data.name, bytes) };
    return Response.json(answer, { status: 201, headers: NO_STORE });
  } catch (error) {
    return deskRefusal(error);
  }
}

/** GET /help/attachments/{id}[/thumbnail]: the Desk's file streamed on, with only the headers that describe it. */
export async function answerFile(user: SiteUser, id: string, variant: AttachmentVariant): Promise<Response> {
  if (!attachmentId.safeParse(id).success) return refuse("NOT_FOUND", "There is no such attachment.", "Check the link, or ask whoever sent it.");
  try {
    const file = await fetchAttachment(user, id, variant);
    return new Response(file.body, { headers: servedFileHeaders(file.headers) });
  } catch (error) {
    return deskRefusal(error);
  }
}

/** The Desk's refusals that the browser can act on: passed on with their code, message and hint. */
const PASSED_ON = ["FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED", "FILE_DAMAGED", "VALIDATION_FAILED", "NOT_FOUND"] as const satisfies readonly HttpErrorCodeOf<"site">[];
const isPassedOn = (code: string): code is (typeof PASSED_ON)[number] => (PASSED_ON as readonly string[]).includes(code);

function deskRefusal(error: unknown): Response {
  if (error instanceof DeskApiError && isPassedOn(error.code)) return refuse(error.code, error.message, error.hint);
  // The Desk unreachable, the site's own login refused, a bug: Next.js logs it and answers a bare 500.
  throw error;
}
