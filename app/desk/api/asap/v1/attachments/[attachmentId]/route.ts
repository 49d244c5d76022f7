import { serveAttachment } from "@/lib/desk/attachments/reader";

type Params = { params: Promise<{ attachmentId: string }> };

/** GET /desk/api/asap/v1/attachments/{id} — the file, to whoever may read what carries it (guests send X-Chat-Token). */
export async function GET(request: Request, { params }: Params) {
  return serveAttachment(request, (await params).attachmentId, "file");
}
