"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commentBody, idempotencyKey } from "@/lib/contract/desk-api/tickets";
import { logError } from "@/lib/shared/log-error";
import { EMAIL_NOT_VERIFIED_MESSAGE } from "@/lib/site/asap/api-guard";
import { currentUser } from "@/lib/site/current-user";
import { DeskApiError } from "./desk-api";
import { replyToMyTicket } from "./replies";

/**
 * The reply form's state: the Idempotency-Key its next send carries (new after each reply sent, the
 * same after a failure, so a resend never posts twice), and after a failure what to say and what was typed.
 */
export type ReplyFormState = { idempotencyKey: string; message?: string; body?: string };

const ticketNumber = z.string().regex(/^\d{1,9}$/);

/** "Send" under a ticket's conversation: the reply and its uploaded files, as the signed-in user. */
export async function sendReplyAction(previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const body = String(form.get("body") ?? "");
  const key = idempotencyKey.safeParse(previous.idempotencyKey);
  const number = ticketNumber.safeParse(form.get("ticketNumber"));
  if (!key.success || !number.success) return { idempotencyKey: randomUUID(), body, message: "This form is out of date. Reload the page, then send your reply again." };
  const unsent = { idempotencyKey: key.data, body };

  const user = await currentUser();
  if (!user) return { ...unsent, message: "Your session has ended. Sign in again, then send your reply." };
  if (!user.emailVerified) return { ...unsent, message: EMAIL_NOT_VERIFIED_MESSAGE };
  const reply = commentBody.safeParse({ body, attachmentIds: form.getAll("attachmentIds") });
  if (!reply.success) return { ...unsent, message: replyProblem(reply.error) };

  try {
    await replyToMyTicket(user, number.data, reply.data, key.data);
  } catch (error) {
    // The key's first use was sent after all (its answer was lost): the conversation shows it now.
    if (error instanceof DeskApiError && error.code === "IDEMPOTENCY_KEY_REUSED") {
      revalidatePath(`/help/tickets/${number.data}`);
      return { idempotencyKey: randomUUID(), body, message: "An earlier send of this reply went through and is shown above. Send again only to add your changes." };
    }
    return { ...unsent, message: sendFailure(error) };
  }
  revalidatePath(`/help/tickets/${number.data}`);
  return { idempotencyKey: randomUUID() };
}

function replyProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.path[0] === "attachmentIds") return "These files cannot go with one reply: remove the extra ones, or attach them again.";
  if (issue?.code === "custom") return "Write a reply, or attach a file.";
  return `Your reply was not sent: ${issue?.message ?? "it is not valid"}.`;
}

function sendFailure(error: unknown): string {
  if (error instanceof DeskApiError) {
    if (error.code === "DESK_UNREACHABLE") return "The help center is not answering just now. Try again in a moment: your reply will not be posted twice.";
    if (error.code === "NOT_FOUND") return "This ticket is no longer available to you.";
    if (error.code === "CONFLICT") return "Your reply is still being sent. Wait a moment, then send again.";
    if (error.code === "VALIDATION_FAILED") return `${error.message} ${error.hint}`.trim();
  }
  logError("[help reply]", error);
  return "Your reply could not be sent. Try again in a moment.";
}
