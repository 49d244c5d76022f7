import type { ChatContinuity as ChatOutcome, ContinuityAnswer, GuestIdentity, LinkGuestAnswer, TicketContinuity } from "@/lib/contract/desk-api/continuity";
import { el } from "../dom";
import { withoutReceipts } from "../guest-visit";
import type { ChatContinuity } from "./chat";
import type { ViewContext } from "./context";
import { messageOf } from "./forms";

type PendingChat = { chatId: string; token: string; guest: GuestIdentity };
type PendingTicket = { ticketId: string; token: string; number: number; subject: string; guest: GuestIdentity };
export type Pending = { chat: PendingChat | null; tickets: PendingTicket[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the Desk said about each item a browser brought from its guest visit, as the widget acts on
 * it: the kept chat (and its token) and each receipt, by id. Pure, for the tests.
 */
export function sortOutcomes(answer: ContinuityAnswer, tokens: { chat: Map<string, string>; tickets: Map<string, string> }) {
  const linkedChat = answer.chats.find((c) => c.outcome === "linked")?.chatId ?? null;
  const goneChats = answer.chats.filter((c) => c.outcome === "gone").map((c) => c.chatId);
  const pendingChat = answer.chats
    .filter((c): c is Extract<ChatOutcome, { outcome: "needs_confirmation" }> => c.outcome === "needs_confirmation")
    .map((c) => ({ chatId: c.chatId, token: tokens.chat.get(c.chatId) ?? "", guest: c.guest }))
    .find((c) => c.token !== "");
  const linkedTickets = answer.tickets.filter((t) => t.outcome === "linked").map((t) => t.ticketId);
  const goneTickets = answer.tickets.filter((t) => t.outcome === "gone").map((t) => t.ticketId);
  const pendingTickets = answer.tickets
    .filter((t): t is Extract<TicketContinuity, { outcome: "needs_confirmation" }> => t.outcome === "needs_confirmation")
    .map(({ ticketId, number, subject, guest }) => ({ ticketId, number, subject, guest, token: tokens.tickets.get(ticketId) ?? "" }))
    .filter((t) => t.token !== "");
  return { linkedChat, goneChats, pendingChat: pendingChat ?? null, linkedTickets, goneTickets, pendingTickets };
}

/** The question for a chat the guest started under another email (or none). */
export function chatQuestion(guest: GuestIdentity, signedInAs: string): string {
  const as = guest.email ? `as ${guest.email}` : "as a guest, without an email";
  return `You started a chat ${as}; you are signed in as ${signedInAs}. Continue it as ${signedInAs}?`;
}

/**
 * Guest to signed-in without losing the conversation: when someone signs in, what this browser did
 * as a guest is brought to the Desk (POST continuity). A chat whose guest email was theirs joins
 * their account at once; for other chats, and every ticket (the guest typed the email, so a match
 * proves nothing about words already written), the card below asks, saying what the guest typed,
 * and links only what the person confirms. "Keep separate" forgets them in this browser.
 */
export function createContinuity(ctx: ViewContext, chat: ChatContinuity) {
  const questions = el("div", { class: "stack" });
  // One status line for the card's whole life, so screen readers announce each change in it.
  const status = el("p", { role: "status", class: "form-status" });
  const host = el("section", { class: "continuity", "aria-label": "From your visit as a guest" }, [questions, status]);
  let checkedFor: string | null = null;
  // Set once the visit was sent for someone, answered or not: it is theirs to see from then on.
  let offered = false;
  let checking = false;
  let pending: Pending = { chat: null, tickets: [] };
  let said = "";

  async function signedIn(email: string) {
    if (checking || checkedFor === email) return;
    const visit = ctx.visit.read();
    const chats = visit.chat?.token ? [{ chatId: visit.chat.chatId, token: visit.chat.token }] : [];
    const tickets = visit.tickets.map(({ ticketId, token }) => ({ ticketId, token }));
    if (!chats.length && !tickets.length) {
      checkedFor = email;
      return;
    }
    checking = true;
    offered = true;
    try {
      const answer = await ctx.api<ContinuityAnswer>("continuity", { method: "POST", body: { chats, tickets }, auth: true });
      if (ctx.contactEmail() !== email) return; // someone else since: their own check follows
      checkedFor = email;
      await apply(answer, new Map(chats.map((c) => [c.chatId, c.token])), new Map(tickets.map((t) => [t.ticketId, t.token])));
    } catch {
      // Not checked (a session the Desk no longer knows, the network): the next sign-in tries again.
    } finally {
      checking = false;
    }
  }

  async function apply(answer: ContinuityAnswer, chatTokens: Map<string, string>, ticketTokens: Map<string, string>) {
    const outcome = sortOutcomes(answer, { chat: chatTokens, tickets: ticketTokens });
    const lines: string[] = [];
    if (outcome.linkedChat) {
      chat.linked(outcome.linkedChat);
      lines.push("Your chat continues under your account.");
    }
    // Gone for this browser, but perhaps linked by another of its tabs a moment ago: then it is theirs now.
    for (const chatId of outcome.goneChats) await adoptIfMine(chatId);
    ctx.visit.update((visit) => withoutReceipts(visit, [...outcome.linkedTickets, ...outcome.goneTickets]));
    if (outcome.linkedTickets.length) lines.push(`${plural(outcome.linkedTickets.length, "ticket", "tickets")} you sent as a guest ${outcome.linkedTickets.length === 1 ? "is" : "are"} now in My tickets.`);
    pending = { chat: outcome.pendingChat, tickets: outcome.pendingTickets };
    say(lines.join(" "));
    if (outcome.linkedTickets.length) ctx.rerender(); // My tickets, if on screen, lists them now
  }

  async function adoptIfMine(chatId: string) {
    try {
      await ctx.api(`chat/sessions/${encodeURIComponent(chatId)}/messages`, { auth: true });
      chat.linked(chatId);
    } catch {
      chat.forget(chatId);
    }
  }

  async function link(kind: "chat" | "ticket", id: string, token: string): Promise<boolean> {
    try {
      await ctx.api<LinkGuestAnswer>("continuity/link", { method: "POST", body: { kind, id, token, confirm: true }, auth: true });
      return true;
    } catch {
      return false;
    }
  }

  async function continueChat(item: PendingChat, email: string) {
    pending = { ...pending, chat: null };
    if (await link("chat", item.chatId, item.token)) {
      chat.linked(item.chatId);
      say(`Your chat continues as ${email}.`);
    } else {
      chat.forget(item.chatId);
      say("That chat can no longer be continued from this browser.");
    }
  }

  function keepChatSeparate(item: PendingChat) {
    pending = { ...pending, chat: null };
    chat.forget(item.chatId);
    say("Kept separate: that chat stays with the guest who started it, and this browser no longer shows it.");
  }

  async function linkTickets(items: PendingTicket[]) {
    pending = { ...pending, tickets: [] };
    let linked = 0;
    for (const item of items) if (await link("ticket", item.ticketId, item.token)) linked++;
    ctx.visit.update((visit) => withoutReceipts(visit, items.map((t) => t.ticketId)));
    const missed = items.length - linked;
    say(`${plural(linked, "ticket is", "tickets are")} now in My tickets.${missed ? ` ${plural(missed, "ticket", "tickets")} could no longer be linked.` : ""}`);
    ctx.rerender();
  }

  function keepTicketsSeparate(items: PendingTicket[]) {
    pending = { ...pending, tickets: [] };
    ctx.visit.update((visit) => withoutReceipts(visit, items.map((t) => t.ticketId)));
    say("Kept separate: those tickets stay with the email they were sent from.");
  }

  function say(text: string) {
    said = text;
    draw();
  }

  function run(action: () => Promise<void> | void) {
    return () => {
      Promise.resolve(action()).catch((error: unknown) => say(messageOf(error)));
    };
  }

  /** Redrawn in place: a decision never re-renders the view someone may be typing in. */
  function draw() {
    const email = ctx.contactEmail();
    const parts: Node[] = [];
    if (email && pending.chat) {
      const item = pending.chat;
      parts.push(
        el("p", { text: chatQuestion(item.guest, email) }),
        el("div", { class: "actions" }, [
          el("button", { type: "button", class: "primary", text: `Continue as ${email}`, onclick: run(() => continueChat(item, email)) }),
          // Named apart from the tickets' button: both may be in the card at once.
          el("button", { type: "button", text: "Keep the chat separate", onclick: run(() => keepChatSeparate(item)) }),
        ]),
      );
    }
    if (email && pending.tickets.length) {
      const items = pending.tickets;
      parts.push(
        el("p", { text: `${plural(items.length, "ticket", "tickets")} you sent as a guest before signing in:` }),
        el(
          "ul",
          { "aria-label": "Tickets sent as a guest" },
          items.map((t) => el("li", { text: `#${t.number} ${t.subject}${t.guest.email ? ` (sent as ${t.guest.email})` : ""}` })),
        ),
        el("p", { text: `Link ${items.length === 1 ? "it" : "them"} to your account, ${email}?` }),
        el("div", { class: "actions" }, [
          el("button", { type: "button", class: "primary", text: "Link to my account", onclick: run(() => linkTickets(items)) }),
          el("button", { type: "button", text: items.length === 1 ? "Keep the ticket separate" : "Keep the tickets separate", onclick: run(() => keepTicketsSeparate(items)) }),
        ]),
      );
    }
    host.hidden = parts.length === 0 && said === "";
    questions.replaceChildren(...parts);
    status.textContent = said;
  }

  /** The person left (signed out, or another signed in): what this browser kept of the guest goes, once it was offered to them. */
  function reset() {
    if (checkedFor !== null || offered) ctx.visit.clear();
    checkedFor = null;
    offered = false;
    pending = { chat: null, tickets: [] };
    said = "";
    draw();
  }

  // Nothing to show until someone signs in (and the session is not there yet while the frame starts).
  host.hidden = true;
  return { node: () => host, signedIn, reset };
}
