"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attachmentIds } from "@/lib/contract/desk-api/attachments";
import { TICKET_STATUSES } from "@/lib/contract/vocabulary";
import { AsapError } from "@/lib/desk/iam/errors";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { assignTicketToMe, endChat, replyToChat, replyToTicket, setTicketStatus } from "./writes";

/** The agent console's forms: parse, one audited write from ./writes, revalidate. */
export type ConsoleState = { message?: string; ok?: boolean };

/** A reply's words may be left out when files say it all. */
const hasWordsOrFiles = (reply: { body: string; attachmentIds: string[] }) => reply.body.length > 0 || reply.attachmentIds.length > 0;

const replySchema = z
  .object({
    body: z.string().trim().max(10_000, { error: "Replies may be at most 10000 characters." }),
    visibility: z.enum(["public", "private"]),
    attachmentIds,
  })
  .refine(hasWordsOrFiles, { error: "Write a reply or attach a file first." });

export async function replyToTicketAction(ticketId: string, number: number, _prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  const agent = await requireAgent();
  const parsed = replySchema.safeParse({ body: form.get("body") ?? "", visibility: form.get("visibility") ?? "public", attachmentIds: form.getAll("attachmentIds") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  const isPublic = parsed.data.visibility === "public";
  const refused = await refusalOf(replyToTicket(agent, ticketId, { body: parsed.data.body, isPublic, attachmentIds: parsed.data.attachmentIds }));
  if (refused) return { message: refused };
  revalidatePath(`/desk/agent/tickets/${number}`);
  return { ok: true, message: isPublic ? "Reply sent to the customer." : "Private note added." };
}

const statusSchema = z.enum(TICKET_STATUSES);

export async function setTicketStatusAction(ticketId: string, number: number, form: FormData): Promise<void> {
  const agent = await requireAgent();
  const status = statusSchema.parse(form.get("status"));
  await setTicketStatus(agent, ticketId, status);
  revalidatePath(`/desk/agent/tickets/${number}`);
}

export async function assignToMeAction(ticketId: string, number: number): Promise<void> {
  const agent = await requireAgent();
  await assignTicketToMe(agent, ticketId);
  revalidatePath(`/desk/agent/tickets/${number}`);
}

const chatReplySchema = z
  .object({ body: z.string().trim().max(4000, { error: "Messages may be at most 4000 characters." }), attachmentIds })
  .refine(hasWordsOrFiles, { error: "Write a message or attach a file first." });

export async function replyToChatAction(chatId: string, _prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  const agent = await requireAgent();
  const parsed = chatReplySchema.safeParse({ body: form.get("body") ?? "", attachmentIds: form.getAll("attachmentIds") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  const refused = await refusalOf(replyToChat(agent, chatId, parsed.data));
  if (refused) return { message: refused };
  revalidatePath(`/desk/agent/chats/${chatId}`);
  return { ok: true };
}

export async function endChatAction(chatId: string): Promise<void> {
  const agent = await requireAgent();
  await endChat(agent, chatId);
  revalidatePath("/desk/agent/chats");
}

/** An attachment that could not go with the reply is said on the form; anything else is unexpected. */
async function refusalOf(write: Promise<void>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (error) {
    if (error instanceof AsapError) return `${error.message} ${error.hint}`;
    throw error;
  }
}
