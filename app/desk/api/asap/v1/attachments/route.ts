import type { NextRequest } from "next/server";
import { uploadQuery, type UploadAnswer } from "@/lib/contract/desk-api/attachments";
import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readQuery } from "@/lib/desk/api/respond";
import { readUploadBody } from "@/lib/desk/attachments/upload-body";
import { receiveUpload } from "@/lib/desk/attachments/upload";

/**
 * POST /desk/api/asap/v1/attachments?name= — anyone: one file, its bytes as application/octet-stream.
 * The answer's id goes in the `attachmentIds` of the ticket, comment or chat message it belongs to.
 */
export function POST(request: NextRequest) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const { name } = readQuery(request.nextUrl, uploadQuery);
    const uploader = caller.kind === "contact" ? ({ kind: "contact", contactId: caller.contact.id } as const) : ({ kind: "guest", clientIp: caller.clientIp } as const);
    const attachment = await receiveUpload(uploader, name, (maxBytes) => readUploadBody(request, maxBytes));
    return json<UploadAnswer>({ attachment }, 201);
  });
}
