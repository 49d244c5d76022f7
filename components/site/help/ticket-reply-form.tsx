"use client";

import { useActionState, useState } from "react";
import type { UploadRules } from "@/lib/shared/browser/upload-file";
import { sendReplyAction, type ReplyFormState } from "@/lib/site/help-center/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { AttachmentPicker } from "@/components/ui/attachment-picker";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";

/**
 * The reply under a ticket's conversation: words, files (uploaded as they are picked), or both. Send
 * waits for the uploads; after a reply is sent the form starts empty, after a failure it keeps both.
 */
export function TicketReplyForm({ ticketNumber, rules, idempotencyKey }: { ticketNumber: number; rules: UploadRules; idempotencyKey: string }) {
  const [state, action, pending] = useActionState(sendReplyAction, { idempotencyKey } satisfies ReplyFormState);
  const [uploading, setUploading] = useState(false);
  return (
    <form action={action} className="mt-8 space-y-4 rounded-2xl border border-slate-200 bg-white p-5">
      {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      <input type="hidden" name="ticketNumber" value={ticketNumber} />
      {/* The key changes only when a reply was sent: the text and the picker's files start afresh. */}
      <div key={state.idempotencyKey} className="space-y-4">
        <div className="space-y-1.5">
          <label htmlFor="ticket-reply" className="block text-sm font-medium text-slate-800">
            Reply
          </label>
          <textarea
            id="ticket-reply"
            name="body"
            rows={5}
            defaultValue={state.body}
            className={cn(
              "block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400",
              "focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset sm:text-sm",
            )}
          />
        </div>
        <AttachmentPicker uploadUrl="/help/attachments" rules={rules} onBusyChange={setUploading} />
      </div>
      <div className="flex justify-end">
        <button type="submit" disabled={pending || uploading} className={buttonStyles("primary")}>
          {pending ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}
