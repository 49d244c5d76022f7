"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { TICKET_STATUSES } from "@/lib/contract/vocabulary";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { assignTicketToMe, endChat, replyToChat, replyToTicket, setTicketStatus } from "./writes";

/** The agent console's forms: parse, one audited write from ./writes, revalidate. */
export type ConsoleState = { message?: string; ok?: boolean };

const replySchema = z.object({
  body: z.string().trim().min(1, { error: "Write a reply first." }).max(10_000, { error: "Replies may be at most 10000 characters." }),
  visibility: z.enum(["public", "private"]),
});

export async function replyToTicketAction(ticketId: string, number: number, _prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  const agent = await requireAgent();
  const parsed = replySchema.safeParse({ body: form.get("body") ?? "", visibility: form.get("visibility") ?? "public" });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  const isPublic = parsed.data.visibility === "public";
  await replyToTicket(agent, ticketId, { body: parsed.data.body, isPublic });
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

const chatReplySchema = z.string().trim().min(1, { error: "Write a message first." }).max(4000, { error: "Messages may be at most 4000 characters." });

export async function replyToChatAction(chatId: string, _prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  const agent = await requireAgent();
  const parsed = chatReplySchema.safeParse(form.get("body") ?? "");
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  await replyToChat(agent, chatId, parsed.data);
  revalidatePath(`/desk/agent/chats/${chatId}`);
  return { ok: true };
}

export async function endChatAction(chatId: string): Promise<void> {
  const agent = await requireAgent();
  await endChat(agent, chatId);
  revalidatePath("/desk/agent/chats");
}
