import type { AttachmentRulesAnswer } from "@/lib/contract/desk-api/attachments";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/contract/attachments";
import { handle, json } from "@/lib/desk/api/respond";
import { env } from "@/lib/shared/env";

/** GET /desk/api/asap/v1/attachments/rules — anyone: the size limit, how many per message, and the allowed types. */
export function GET() {
  return handle(async () => json<AttachmentRulesAnswer>({ maxBytes: env.ATTACHMENT_MAX_BYTES, maxPerMessage: MAX_ATTACHMENTS_PER_MESSAGE, types: ATTACHMENT_TYPES }));
}
