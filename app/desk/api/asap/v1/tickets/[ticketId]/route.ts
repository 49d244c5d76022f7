import { ticketChangesBody, type TicketAnswer, type TicketThreadAnswer } from "@/lib/contract/desk-api/tickets";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { changeMyTicket, readMyTicket } from "@/lib/desk/help-center/tickets";

type Params = { params: Promise<{ ticketId: string }> };

/** GET /desk/api/asap/v1/tickets/{id or number} — own tickets only, with the public thread. */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<TicketThreadAnswer>({ ticket: await readMyTicket(contact.id, (await params).ticketId) });
  });
}

/** PATCH /desk/api/asap/v1/tickets/{id or number} — edit subject, description, priority; close or reopen. */
export function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const changes = await readJson(request, ticketChangesBody);
    return json<TicketAnswer>({ ticket: await changeMyTicket(contact.id, (await params).ticketId, changes) });
  });
}
