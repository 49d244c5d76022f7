import type { TopicsAnswer } from "@/lib/contract/desk-api/community";
import { handle, json } from "@/lib/desk/api/respond";
import { listTopics } from "@/lib/desk/help-center/community";

/** GET /desk/api/asap/v1/community/topics — anyone. */
export function GET() {
  return handle(async () => json<TopicsAnswer>({ topics: await listTopics() }));
}
