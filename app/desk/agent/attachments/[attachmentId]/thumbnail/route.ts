import { agentFile } from "@/lib/desk/console/attachments";

/** GET /desk/agent/attachments/{id}/thumbnail — an image's thumbnail, for the signed-in agent. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return agentFile((await params).attachmentId, "thumbnail");
}
