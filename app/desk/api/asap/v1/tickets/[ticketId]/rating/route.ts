import { ratingBody, type RatingAnswer } from "@/lib/contract/desk-api/satisfaction";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { rateTicket, readTicketRating } from "@/lib/desk/satisfaction/ratings";

type Params = { params: Promise<{ ticketId: string }> };

/** GET /desk/api/asap/v1/tickets/{id or number}/rating — an own ticket's rating, and whether it may be given or changed now. */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<RatingAnswer>(await readTicketRating(contact.id, (await params).ticketId));
  });
}

/** PUT /desk/api/asap/v1/tickets/{id or number}/rating { score, comment? } — rate an own closed ticket, or change the rating once. */
export function PUT(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const input = await readJson(request, ratingBody);
    return json<RatingAnswer>(await rateTicket(contact.id, (await params).ticketId, input));
  });
}
