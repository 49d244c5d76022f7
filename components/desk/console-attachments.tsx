import type { ComponentProps } from "react";
import { AttachmentList } from "@/components/ui/attachment-list";

// The console's own routes, which check the agent's sign-in (app/desk/agent/attachments).
const consoleAttachmentHref = (id: string, variant: "file" | "thumbnail") => `/desk/agent/attachments/${id}${variant === "thumbnail" ? "/thumbnail" : ""}`;

/** A message's files in the agent console: a ticket's, a reply's or note's, a chat message's. */
export function ConsoleAttachments({ attachments }: Pick<ComponentProps<typeof AttachmentList>, "attachments">) {
  return <AttachmentList attachments={attachments} href={consoleAttachmentHref} />;
}
