import type { NewCommentAnswer, NewTicketAnswer, TicketAnswer, TicketComment, TicketListAnswer, TicketThreadAnswer } from "@/lib/contract/desk-api/tickets";
import { TICKET_STATUSES, type TicketStatus } from "@/lib/contract/vocabulary";
import { el, newKey, paragraphs, when } from "../dom";
import { withReceipt } from "../guest-visit";
import { attachmentList, bearerHeaders, filesField } from "./attachments";
import type { ViewContext } from "./context";
import { field, form, loading, PRIORITIES, select, signInNote } from "./forms";
import { ratingPanel } from "./rating";
import { ticketSuggestions } from "./suggestions";

// The customer's words for the contract's statuses: the compiler checks every status has one.
const STATUS: Record<TicketStatus, string> = { open: "Open", on_hold: "Waiting on you", closed: "Closed" };
// A newer Desk may know a status this bundle does not: show its word rather than nothing.
const statusName = (status: string) => STATUS[status as TicketStatus] ?? status;
// A guest typed this email: the ticket may not be the signed-in person's own words.
const GUEST_SUBMISSION = "Submitted as a guest (email not verified)";

export function submitTicketForm(ctx: ViewContext): HTMLFormElement {
  const fields = [];
  if (!ctx.signedIn()) fields.push(field("Your name", "name", { max: 100 }), field("Email", "email", { type: "email", max: 254 }));
  const subject = field("Subject", "subject", { max: 200 });
  const suggestions = ticketSuggestions(ctx, subject.querySelector("input") as HTMLInputElement);
  fields.push(subject, field("How can we help?", "description", { multiline: true }), select("Priority", "priority", PRIORITIES, "medium"));
  let key = newKey(); // one key per form: a double submit or a retry creates one ticket
  const node = form(
    fields,
    "Submit ticket",
    async (data) => {
      const body = await ctx.api<NewTicketAnswer>("tickets", { method: "POST", body: { ...data, deflectionKey: suggestions.key() }, auth: ctx.signedIn(), idempotencyKey: key });
      key = newKey();
      // A guest's receipt: signing in later in this browser offers the ticket to their account.
      const { guestToken } = body;
      if (guestToken) ctx.visit.update((visit) => withReceipt(visit, { ticketId: body.ticket.id, token: guestToken, savedAt: Date.now() }));
      suggestions.sent();
      if (ctx.signedIn()) ctx.show([{ kind: "ticket", number: body.ticket.number }]);
      return `Ticket #${body.ticket.number} submitted. We will answer by email.`;
    },
    filesField(ctx),
  );
  // Last, below the button: suggestions arrive a moment after the subject is typed, and above the
  // button they pushed it down under a pointer about to press it (a click then opened an article).
  node.append(suggestions.node);
  return node;
}

export function newTicketView(ctx: ViewContext): HTMLElement {
  return el("div", { class: "stack" }, [el("h2", { text: "New ticket" }), submitTicketForm(ctx)]);
}

export function tickets(ctx: ViewContext): HTMLElement {
  if (!ctx.signedIn()) {
    return el("div", { class: "stack" }, [el("h2", { text: "Submit a ticket" }), submitTicketForm(ctx), signInNote("follow, answer, edit or close your tickets")]);
  }
  const list = el("div");
  const choice = el(
    "select",
    { id: "ticket-filter" },
    [el("option", { value: "", text: "All" }), ...TICKET_STATUSES.map((status) => el("option", { value: status, text: STATUS[status] }))],
  );
  const filter = el("div", { class: "field" }, [el("label", { for: "ticket-filter", text: "Show" }), choice]);
  const load = () => {
    const status = choice.value;
    loading(list, async () => {
      const body = await ctx.api<TicketListAnswer>(`tickets${status ? `?status=${status}` : ""}`, { auth: true });
      if (!body.tickets.length) return el("p", { class: "muted", text: "No tickets here." });
      return el(
        "ul",
        { class: "list", "aria-label": "My tickets" },
        body.tickets.map((ticket) =>
          el("li", {}, [
            el("button", { type: "button", class: "row", onclick: () => ctx.go({ kind: "ticket", number: ticket.number }) }, [
              el("span", { class: "row-title", text: `#${ticket.number} ${ticket.subject}` }),
              el("span", { class: "row-sub", text: statusName(ticket.status) + (ticket.identityVerified ? "" : ` · ${GUEST_SUBMISSION}`) }),
            ]),
          ]),
        ),
      );
    });
  };
  choice.addEventListener("change", load);
  load();
  return el("div", { class: "stack" }, [
    el("div", { class: "split" }, [el("h2", { text: "My tickets" }), el("button", { type: "button", class: "primary", onclick: () => ctx.go({ kind: "new-ticket" }), text: "New ticket" })]),
    filter,
    list,
  ]);
}

export function ticketView(ctx: ViewContext, number: number): HTMLElement {
  return loading(el("div"), async () => {
    const { ticket } = await ctx.api<TicketThreadAnswer>(`tickets/${number}`, { auth: true });
    // The description opens the thread; comments always come from a session, so only it can be a guest's.
    const opening = { who: ticket.identityVerified ? "You" : GUEST_SUBMISSION, fromAgent: false, body: ticket.description, createdAt: ticket.createdAt, attachments: ticket.attachments };
    const comment = ({ author, body, createdAt, attachments }: TicketComment) =>
      author.kind === "agent" ? { who: `${author.name} (support)`, fromAgent: true, body, createdAt, attachments } : { who: "You", fromAgent: false, body, createdAt, attachments };
    const readerHeaders = () => bearerHeaders(ctx);
    const thread = el(
      "ol",
      { class: "thread", "aria-label": "Conversation" },
      [opening, ...ticket.comments.map(comment)].map((entry) =>
        el("li", { class: entry.fromAgent ? "from-agent" : "from-me" }, [
          el("p", { class: "meta", text: `${entry.who} · ${when(entry.createdAt)}` }),
          // A reply may be files alone.
          entry.body ? paragraphs(entry.body) : null,
          attachmentList(entry.attachments, readerHeaders),
        ]),
      ),
    );
    const closed = ticket.status === "closed";
    const commentKey = newKey();
    return el("div", { class: "stack" }, [
      el("h2", { text: `#${ticket.number} ${ticket.subject}` }),
      el("p", { class: "muted", text: `${statusName(ticket.status)} · ${ticket.priority} priority` }),
      thread,
      closed ? ratingPanel(ctx, { path: `tickets/${number}`, what: "ticket", auth: true }) : null,
      form(
        [field("Add a reply", "body", { multiline: true, rows: 3 })],
        "Send reply",
        async (data) => {
          await ctx.api<NewCommentAnswer>(`tickets/${number}/comments`, { method: "POST", body: data, auth: true, idempotencyKey: commentKey });
          ctx.rerender();
        },
        filesField(ctx),
      ),
      el("details", {}, [
        el("summary", { text: "Edit ticket" }),
        form([field("Subject", "subject", { value: ticket.subject }), select("Priority", "priority", PRIORITIES, ticket.priority)], "Save changes", async (data) => {
          await ctx.api<TicketAnswer>(`tickets/${number}`, { method: "PATCH", body: data, auth: true });
          ctx.rerender();
        }),
      ]),
      el("button", {
        type: "button",
        class: closed ? "primary" : "",
        text: closed ? "Reopen ticket" : "Close ticket",
        onclick: () => {
          ctx.api<TicketAnswer>(`tickets/${number}`, { method: "PATCH", body: { status: closed ? "open" : "closed" }, auth: true }).then(ctx.rerender);
        },
      }),
    ]);
  });
}
