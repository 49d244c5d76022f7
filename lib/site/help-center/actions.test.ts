import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SiteUser } from "@/lib/site/users";
import { currentUser } from "@/lib/site/current-user";
import { sendReplyAction } from "./actions";
import { DeskApiError } from "./desk-api";
import { replyToMyTicket } from "./replies";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/shared/env", () => ({ env: {} }));
vi.mock("@/lib/site/auth", () => ({ auth: vi.fn() }));
vi.mock("@/lib/site/users", () => ({ findUserById: vi.fn() }));
vi.mock("@/lib/site/current-user", () => ({ currentUser: vi.fn() }));
vi.mock("./replies", () => ({ replyToMyTicket: vi.fn() }));

const USER: SiteUser = { id: "u1", email: "ada@example.com", name: "Ada", emailVerified: new Date(), createdAt: new Date() };
const KEY = "11111111-2222-4333-8444-555555555555";
const FILE_ID = "AAAAAAAAAAAAAAAAAAAAAA";

function form(fields: { body?: string; ticketNumber?: string; attachmentIds?: string[] }) {
  const data = new FormData();
  data.set("ticketNumber", fields.ticketNumber ?? "42");
  data.set("body", fields.body ?? "");
  for (const id of fields.attachmentIds ?? []) data.append("attachmentIds", id);
  return data;
}

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(currentUser).mockResolvedValue(USER);
});

describe("sendReplyAction", () => {
  it("posts the reply with its files under the form's key, refreshes the page and hands out a new key", async () => {
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: " Still broken ", attachmentIds: [FILE_ID] }));
    expect(replyToMyTicket).toHaveBeenCalledWith(USER, "42", { body: "Still broken", attachmentIds: [FILE_ID] }, KEY);
    expect(revalidatePath).toHaveBeenCalledWith("/help/tickets/42");
    expect(state.idempotencyKey).not.toBe(KEY);
    expect(state.message).toBeUndefined();
  });

  it("sends files without words", async () => {
    await sendReplyAction({ idempotencyKey: KEY }, form({ attachmentIds: [FILE_ID] }));
    expect(replyToMyTicket).toHaveBeenCalledWith(USER, "42", { body: "", attachmentIds: [FILE_ID] }, KEY);
  });

  it("asks for words or a file when both are missing", async () => {
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: "   " }));
    expect(state.message).toBe("Write a reply, or attach a file.");
    expect(replyToMyTicket).not.toHaveBeenCalled();
  });

  it("keeps the key and the words after a failure, so a resend cannot post twice", async () => {
    vi.mocked(replyToMyTicket).mockRejectedValue(new DeskApiError(null, "DESK_UNREACHABLE", "The help desk could not be reached."));
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: "Hello" }));
    expect(state).toMatchObject({ idempotencyKey: KEY, body: "Hello" });
    expect(state.message).toMatch(/not answering/);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("shows the earlier send when the Desk says the key was already used for another reply", async () => {
    vi.mocked(replyToMyTicket).mockRejectedValue(new DeskApiError(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request."));
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: "Hello, edited" }));
    expect(revalidatePath).toHaveBeenCalledWith("/help/tickets/42");
    expect(state.idempotencyKey).not.toBe(KEY);
    expect(state.body).toBe("Hello, edited");
  });

  it("re-checks the user: a session that ended sends nothing", async () => {
    vi.mocked(currentUser).mockResolvedValue(null);
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: "Hello" }));
    expect(state.message).toMatch(/Sign in again/);
    expect(replyToMyTicket).not.toHaveBeenCalled();
  });

  it("refuses a ticket number that cannot be one", async () => {
    const state = await sendReplyAction({ idempotencyKey: KEY }, form({ body: "Hello", ticketNumber: "../admin" }));
    expect(state.message).toMatch(/out of date/);
    expect(replyToMyTicket).not.toHaveBeenCalled();
  });
});
