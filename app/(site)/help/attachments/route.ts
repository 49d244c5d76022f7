import { answerUpload, signedInUploader } from "@/lib/site/help-center/attachment-requests";

/** POST /help/attachments?name= — the signed-in user uploads a file for a reply; the Desk keeps it. */
export async function POST(request: Request) {
  const user = await signedInUploader(request);
  if (user instanceof Response) return user;
  return answerUpload(user, request);
}
