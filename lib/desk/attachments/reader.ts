import "server-only";
import { CHAT_TOKEN_HEADER } from "@/lib/contract/desk-api/wire";
import { resolveCaller, type Caller } from "@/lib/desk/api/caller";
import { handle } from "@/lib/desk/api/respond";
import { fileResponse } from "@/lib/shared/http/file-response";
import { openAttachment, type Reader, type Variant } from "./access";

/** The Desk API's caller as a reader of files: a guest shows a chat's token, if any. */
function readerFor(caller: Caller, headers: Headers): Reader {
  return caller.kind === "contact" ? { kind: "contact", contactId: caller.contact.id } : { kind: "guest", chatToken: headers.get(CHAT_TOKEN_HEADER) };
}

/** The Desk API's answer to a file or thumbnail request: the bytes, or NOT_FOUND. */
export function serveAttachment(request: Request, id: string, variant: Variant): Promise<Response> {
  return handle(async () => fileResponse(await openAttachment(readerFor(await resolveCaller(request), request.headers), id, variant)));
}
