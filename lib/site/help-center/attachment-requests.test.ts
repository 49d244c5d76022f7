import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Attachment } from "@/lib/contract/desk-api/attachments";
import type { SiteUser } from "@/lib/site/users";
import { answerFile, answerUpload, signedInReader, signedInUploader } from "./attachment-requests";
import { attachmentRules, fetchAttachment, uploadAttachment } from "./attachments";
import { currentUser } from "@/lib/site/current-user";
import { DeskApiError } from "./desk-api";

vi.mock("@/lib/shared/env", () => ({ env: {} }));
vi.mock("@/lib/site/auth", () => ({ auth: vi.fn() }));
vi.mock("@/lib/site/users", () => ({ findUserById: vi.fn() }));
vi.mock("@/lib/site/current-user", () => ({ currentUser: vi.fn() }));
vi.mock("./attachments", () => ({ attachmentRules: vi.fn(), uploadAttachment: vi.fn(), fetchAttachment: vi.fn() }));

const USER: SiteUser = { id: "u1", email: "ada@example.com", name: "Ada", emailVerified: new Date(), createdAt: new Date() };
const ID = "AAAAAAAAAAAAAAAAAAAAAA";
const ATTACHMENT: Attachment = { id: ID, name: "shot.png", size: 4, contentType: "image/png", image: true, createdAt: "2026-01-01T00:00:00.000Z" };

function upload(headers: Record<string, string> = {}, body: BodyInit = new Uint8Array([1, 2, 3, 4])) {
  return new Request("http://site.test/help/attachments?name=shot.png", {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", "Sec-Fetch-Site": "same-origin", ...headers },
    body,
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(currentUser).mockResolvedValue(USER);
  vi.mocked(attachmentRules).mockResolvedValue({ maxBytes: 10, maxPerMessage: 5, types: ["image/png"] });
});

describe("who may use the attachment routes", () => {
  it("refuses a cross-site upload before looking at the session", async () => {
    const answer = await signedInUploader(upload({ "Sec-Fetch-Site": "cross-site" }));
    expect(answer).toBeInstanceOf(Response);
    expect([(answer as Response).status, await errorOf(answer as Response)]).toEqual([403, "FORBIDDEN"]);
    expect(currentUser).not.toHaveBeenCalled();
  });

  it("answers 401 as JSON, not a redirect, when nobody is signed in", async () => {
    vi.mocked(currentUser).mockResolvedValue(null);
    const answer = (await signedInReader()) as Response;
    expect([answer.status, await errorOf(answer)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("answers 403 EMAIL_NOT_VERIFIED to a user who has not proved their address", async () => {
    vi.mocked(currentUser).mockResolvedValue({ ...USER, emailVerified: null });
    const answer = (await signedInReader()) as Response;
    expect([answer.status, await errorOf(answer)]).toEqual([403, "EMAIL_NOT_VERIFIED"]);
  });
});

describe("answerUpload", () => {
  it("sends the bytes on with the file's name and answers the Desk's attachment with 201", async () => {
    vi.mocked(uploadAttachment).mockResolvedValue(ATTACHMENT);
    const answer = await answerUpload(USER, upload());
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ attachment: ATTACHMENT });
    expect(uploadAttachment).toHaveBeenCalledWith(USER, "shot.png", new Uint8Array([1, 2, 3, 4]));
  });

  it("refuses a body that is not application/octet-stream", async () => {
    const answer = await answerUpload(USER, upload({ "Content-Type": "multipart/form-data; boundary=x" }));
    expect([answer.status, await errorOf(answer)]).toEqual([400, "VALIDATION_FAILED"]);
    expect(uploadAttachment).not.toHaveBeenCalled();
  });

  it("refuses a file over the Desk's limit by its declared length, before reading it", async () => {
    const request = upload({ "Content-Length": "11" });
    const answer = await answerUpload(USER, request);
    expect([answer.status, await errorOf(answer)]).toEqual([413, "FILE_TOO_LARGE"]);
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a file that turns out larger than the limit while it streams in", async () => {
    const answer = await answerUpload(USER, upload({}, new Uint8Array(11)));
    expect([answer.status, await errorOf(answer)]).toEqual([413, "FILE_TOO_LARGE"]);
    expect(uploadAttachment).not.toHaveBeenCalled();
  });

  it("passes on the Desk's refusal of the content with its code, message and hint", async () => {
    vi.mocked(uploadAttachment).mockRejectedValue(new DeskApiError(415, "FILE_TYPE_NOT_ALLOWED", "HTML is not allowed.", "Attach a PDF."));
    const answer = await answerUpload(USER, upload());
    expect(answer.status).toBe(415);
    expect(await answer.json()).toEqual({ error: { code: "FILE_TYPE_NOT_ALLOWED", message: "HTML is not allowed.", hint: "Attach a PDF." } });
  });

  it("lets a failure that is not the browser's fail the request (a bare 500), without passing on the Desk's words", async () => {
    vi.mocked(uploadAttachment).mockRejectedValue(new DeskApiError(null, "DESK_UNREACHABLE", "The help desk could not be reached."));
    await expect(answerUpload(USER, upload())).rejects.toBeInstanceOf(DeskApiError);
  });
});

describe("answerFile", () => {
  it("streams the Desk's file with the security headers and its own type", async () => {
    vi.mocked(fetchAttachment).mockResolvedValue(new Response("png", { headers: { "Content-Type": "image/png", "Set-Cookie": "x=1" } }));
    const answer = await answerFile(USER, ID, "thumbnail");
    expect(fetchAttachment).toHaveBeenCalledWith(USER, ID, "thumbnail");
    expect([answer.status, answer.headers.get("content-type"), answer.headers.get("x-content-type-options"), answer.headers.get("set-cookie")]).toEqual([200, "image/png", "nosniff", null]);
    expect(await answer.text()).toBe("png");
  });

  it("answers 404 NOT_FOUND for an id that cannot be one, without asking the Desk", async () => {
    const answer = await answerFile(USER, "../tickets", "file");
    expect([answer.status, await errorOf(answer)]).toEqual([404, "NOT_FOUND"]);
    expect(fetchAttachment).not.toHaveBeenCalled();
  });

  it("answers the Desk's 404 as a 404 of its own", async () => {
    vi.mocked(fetchAttachment).mockRejectedValue(new DeskApiError(404, "NOT_FOUND", "There is no such attachment.", "Check the link."));
    const answer = await answerFile(USER, ID, "file");
    expect([answer.status, await errorOf(answer)]).toEqual([404, "NOT_FOUND"]);
  });
});
