import { serveAttachment } from "@/lib/desk/attachments/reader";

type Params = { params: Promise<{ attachmentId: string }> };

/** GET /desk/api/asap/v1/attachments/{id}/thumbnail — an image's thumbnail (WebP, at most 320 px), to the same readers. */
export async function GET(request: Request, { params }: Params) {
  return serveAttachment(request, (await params).attachmentId, "thumbnail");
}
