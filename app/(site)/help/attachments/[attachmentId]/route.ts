import { answerFile, signedInReader } from "@/lib/site/help-center/attachment-requests";

type Params = { params: Promise<{ attachmentId: string }> };

/** GET /help/attachments/{id} — a file of one of the signed-in user's tickets. */
export async function GET(_request: Request, { params }: Params) {
  const user = await signedInReader();
  if (user instanceof Response) return user;
  return answerFile(user, (await params).attachmentId, "file");
}
