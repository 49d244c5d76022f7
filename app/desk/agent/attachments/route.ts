import { agentUpload } from "@/lib/desk/console/attachments";

/** POST /desk/agent/attachments?name= — the signed-in agent uploads a file for a reply or a chat message. */
export function POST(request: Request) {
  return agentUpload(request);
}
