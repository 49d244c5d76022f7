import type { NextRequest } from "next/server";
import { anonymousTicketBody, contactTicketBody, ticketListQuery, type NewTicketAnswer, type TicketListAnswer } from "@/lib/contract/desk-api/tickets";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson, readQuery } from "@/lib/desk/api/respond";
import { readIdempotencyKey } from "@/lib/desk/help-center/idempotency";
import { listMyTickets, submitTicket } from "@/lib/desk/help-center/tickets";

/** POST /desk/api/asap/v1/tickets — anyone: anonymous callers give name and email, and get a guestToken receipt. Idempotency-Key honoured. */
export function POST(request: Request) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const key = readIdempotencyKey(request.headers);
    const input = caller.kind === "contact" ? await readJson(request, contactTicketBody) : await readJson(request, anonymousTicketBody);
    const result = await submitTicket(caller, input, key);
    return json<NewTicketAnswer>(result.body, result.status);
  });
}

/** GET /desk/api/asap/v1/tickets?status=&page=&pageSize= — the signed-in contact's own tickets. */
export function GET(request: NextRequest) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<TicketListAnswer>(await listMyTickets(contact.id, readQuery(request.nextUrl, ticketListQuery)));
  });
}
