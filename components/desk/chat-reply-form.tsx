"use client";

import { useActionState, useState } from "react";
import { replyToChatAction, type ConsoleState } from "@/lib/desk/console/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { AttachmentPicker } from "@/components/ui/attachment-picker";
import { SubmitButton } from "@/components/ui/submit-button";

/** As in AgentReplyForm: React's reset after the action restores what was sent, until it went. */
type ChatReplyState = ConsoleState & { sent: number; body: string };

function afterSend(previous: ChatReplyState, result: ConsoleState, form: FormData): ChatReplyState {
  if (result.ok) return { ...result, sent: previous.sent + 1, body: "" };
  return { ...result, sent: previous.sent, body: String(form.get("body") ?? "") };
}

export function ChatReplyForm({ chatId, maxBytes }: { chatId: string; maxBytes: number }) {
  const [uploading, setUploading] = useState(false);
  const [state, action] = useActionState(
    async (previous: ChatReplyState, form: FormData) => afterSend(previous, await replyToChatAction(chatId, {}, form), form),
    { sent: 0, body: "" },
  );
  return (
    <form action={action} className="space-y-2">
      <div className="flex items-start gap-2">
        <label htmlFor="chat-reply" className="sr-only">
          Message
        </label>
        <input
          id="chat-reply"
          name="body"
          maxLength={4000}
          autoComplete="off"
          defaultValue={state.body}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        {/* A disabled fieldset disables the button in it (and Enter in the field): no send mid-upload. */}
        <fieldset disabled={uploading} className="contents">
          <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
        </fieldset>
      </div>
      <AttachmentPicker key={state.sent} uploadUrl="/desk/agent/attachments" rules={{ maxBytes }} onBusyChange={setUploading} />
      {state.message && !state.ok ? <ErrorAlert>{state.message}</ErrorAlert> : null}
    </form>
  );
}
