import { commentBody, type CommentsAnswer, type NewCommentAnswer } from "@/lib/contract/desk-api/tickets";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { readIdempotencyKey } from "@/lib/desk/help-center/idempotency";
import { commentOnMyTicket, readMyTicket } from "@/lib/desk/help-center/tickets";

type Params = { params: Promise<{ ticketId: string }> };

/** GET /desk/api/asap/v1/tickets/{id}/comments — the public thread of an own ticket. */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<CommentsAnswer>({ comments: (await readMyTicket(contact.id, (await params).ticketId)).comments });
  });
}

/** POST /desk/api/asap/v1/tickets/{id}/comments { body, attachmentIds } — reply on an own ticket. Idempotency-Key honoured. */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const key = readIdempotencyKey(request.headers);
    const input = await readJson(request, commentBody);
    const result = await commentOnMyTicket(contact.id, (await params).ticketId, input, key);
    return json<NewCommentAnswer>(result.body, result.status);
  });
}
