"use client";

import { useActionState } from "react";
import { signOutAllSessionsAction, type ActionState } from "@/lib/desk/portal/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** Ends every widget session of the add-on at once: for a leaked key or a compromised integration. */
export function SignOutSessions({ addonId }: { addonId: string }) {
  const [state, action] = useActionState(signOutAllSessionsAction.bind(null, addonId), {} as ActionState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Sign out every widget user of this add-on? Each one logs in again on their next page view.")) event.preventDefault();
      }}
      className="space-y-3"
    >
      {state.message ? (
        state.ok ? (
          <p role="status" className="rounded-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-800">
            {state.message}
          </p>
        ) : (
          <ErrorAlert>{state.message}</ErrorAlert>
        )
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Signing everyone out…">
        Sign out all widget sessions
      </SubmitButton>
    </form>
  );
}
