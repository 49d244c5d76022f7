import "server-only";
import type { CommentInput, NewCommentAnswer } from "@/lib/contract/desk-api/tickets";
import { IDEMPOTENCY_KEY_HEADER } from "@/lib/contract/desk-api/wire";
import type { SiteUser } from "@/lib/site/users";
import { asUser } from "./as-user";
import { deskApi } from "./desk-api";

/** The user's reply on their ticket, with the files uploaded for it. The key makes a resend harmless: the Desk answers it with the first reply. */
export function replyToMyTicket(user: SiteUser, number: string, reply: CommentInput, idempotencyKey: string) {
  return asUser(user, (bearer) =>
    deskApi<NewCommentAnswer>(`tickets/${encodeURIComponent(number)}/comments`, {
      method: "POST",
      bearer,
      headers: { "Content-Type": "application/json", [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      body: JSON.stringify(reply),
      cache: "no-store",
    }),
  );
}
