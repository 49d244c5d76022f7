"use client";

import { useActionState } from "react";
import { replyToTicketAction, type ConsoleState } from "@/lib/desk/console/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function AgentReplyForm({ ticketId, number }: { ticketId: string; number: number }) {
  const [state, action] = useActionState(replyToTicketAction.bind(null, ticketId, number), {} as ConsoleState);
  return (
    <form action={action} className="space-y-3">
      {state.message ? state.ok ? <p role="status" className="text-sm text-emerald-700">{state.message}</p> : <ErrorAlert>{state.message}</ErrorAlert> : null}
      <label htmlFor="reply" className="block text-sm font-medium text-slate-800">
        Reply
      </label>
      <textarea id="reply" name="body" rows={5} maxLength={10_000} className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Visibility</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="visibility" value="public" defaultChecked /> Reply to customer
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="visibility" value="private" /> Private note
        </label>
      </fieldset>
      <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
    </form>
  );
}
