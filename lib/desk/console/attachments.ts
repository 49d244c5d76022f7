import "server-only";
import type { UploadAnswer } from "@/lib/contract/desk-api/attachments";
import { uploadQuery } from "@/lib/contract/desk-api/attachments";
import { handle, json, readQuery } from "@/lib/desk/api/respond";
import { openAttachment, type Variant } from "@/lib/desk/attachments/access";
import { readUploadBody } from "@/lib/desk/attachments/upload-body";
import { receiveUpload } from "@/lib/desk/attachments/upload";
import { AsapError } from "@/lib/desk/iam/errors";
import { currentAgent } from "@/lib/desk/portal/agent-session";
import { fileResponse } from "@/lib/shared/http/file-response";
import { isSameOriginRequest } from "@/lib/shared/same-origin";

/**
 * The agent console's uploads and files: the same store, checks and answers as the Desk API's, for
 * the signed-in agent (the portal's cookie). An upload changes state, so it must come from the
 * console's own pages.
 */
async function signedInAgent() {
  const agent = await currentAgent();
  if (!agent) throw new AsapError("UNAUTHENTICATED", "Sign in to the Desk first.", "Open /desk/sign-in.");
  return agent;
}

export function agentUpload(request: Request): Promise<Response> {
  return handle(async () => {
    if (!isSameOriginRequest(request)) throw new AsapError("NOT_FOUND", "There is no such page.", "Upload from the agent console.");
    const agent = await signedInAgent();
    const { name } = readQuery(new URL(request.url), uploadQuery);
    const attachment = await receiveUpload({ kind: "agent", agentId: agent.id }, name, (maxBytes) => readUploadBody(request, maxBytes));
    return json<UploadAnswer>({ attachment }, 201);
  });
}

export function agentFile(id: string, variant: Variant): Promise<Response> {
  return handle(async () => fileResponse(await openAttachment({ kind: "agent", agentId: (await signedInAgent()).id }, id, variant)));
}
