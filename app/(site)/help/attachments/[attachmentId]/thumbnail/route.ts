import { answerFile, signedInReader } from "@/lib/site/help-center/attachment-requests";

type Params = { params: Promise<{ attachmentId: string }> };

/** GET /help/attachments/{id}/thumbnail — an image's thumbnail, for the ticket page's list of files. */
export async function GET(_request: Request, { params }: Params) {
  const user = await signedInReader();
  if (user instanceof Response) return user;
  return answerFile(user, (await params).attachmentId, "thumbnail");
}
