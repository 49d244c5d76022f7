import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { recordFeedback } from "@/lib/desk/help-center/articles";
import { feedbackBody, type FeedbackAnswer } from "@/lib/contract/desk-api/articles";

/** POST /desk/api/asap/v1/articles/{id}/feedback { helpful } — anyone; one vote per signed-in contact. */
export function POST(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const { helpful } = await readJson(request, feedbackBody);
    const counts = await recordFeedback((await params).articleId, helpful, caller.kind === "contact" ? caller.contact.id : null);
    return json<FeedbackAnswer>({ feedback: counts });
  });
}
