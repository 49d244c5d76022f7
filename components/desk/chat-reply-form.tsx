"use client";

import { useActionState } from "react";
import { replyToChatAction, type ConsoleState } from "@/lib/desk/console/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChatReplyForm({ chatId }: { chatId: string }) {
  const [state, action] = useActionState(replyToChatAction.bind(null, chatId), {} as ConsoleState);
  return (
    <form action={action} className="flex items-start gap-2">
      <label htmlFor="chat-reply" className="sr-only">
        Message
      </label>
      <input id="chat-reply" name="body" maxLength={4000} autoComplete="off" className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
      {state.message && !state.ok ? <ErrorAlert>{state.message}</ErrorAlert> : null}
    </form>
  );
}
