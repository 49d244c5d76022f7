"use client";

import { useActionState, useState } from "react";
import { replyToTicketAction, type ConsoleState } from "@/lib/desk/console/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { AttachmentPicker } from "@/components/ui/attachment-picker";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * React resets a form after every action, refused or not, to its fields' defaults. So the defaults
 * are what the agent sent: a refusal keeps their words and files, and a private note stays private.
 * Only a reply that went clears the words and (a new `sent` remounts the picker) the files.
 */
type ReplyState = ConsoleState & { sent: number; body: string; visibility: string };

function afterSend(previous: ReplyState, result: ConsoleState, form: FormData): ReplyState {
  const visibility = String(form.get("visibility") ?? "public");
  if (result.ok) return { ...result, sent: previous.sent + 1, body: "", visibility };
  return { ...result, sent: previous.sent, body: String(form.get("body") ?? ""), visibility };
}

export function AgentReplyForm({ ticketId, number, maxBytes }: { ticketId: string; number: number; maxBytes: number }) {
  const [uploading, setUploading] = useState(false);
  const [state, action] = useActionState(
    async (previous: ReplyState, form: FormData) => afterSend(previous, await replyToTicketAction(ticketId, number, {}, form), form),
    { sent: 0, body: "", visibility: "public" },
  );
  return (
    <form action={action} className="space-y-3">
      {state.message ? state.ok ? <p role="status" className="text-sm text-emerald-700">{state.message}</p> : <ErrorAlert>{state.message}</ErrorAlert> : null}
      <label htmlFor="reply" className="block text-sm font-medium text-slate-800">
        Reply
      </label>
      <textarea id="reply" name="body" rows={5} maxLength={10_000} defaultValue={state.body} className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      <AttachmentPicker key={state.sent} uploadUrl="/desk/agent/attachments" rules={{ maxBytes }} onBusyChange={setUploading} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Visibility</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="visibility" value="public" defaultChecked={state.visibility !== "private"} /> Reply to customer
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="visibility" value="private" defaultChecked={state.visibility === "private"} /> Private note
        </label>
      </fieldset>
      {/* A disabled fieldset disables the button in it: no send while a file is still on its way. */}
      <fieldset disabled={uploading} className="contents">
        <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
      </fieldset>
    </form>
  );
}
