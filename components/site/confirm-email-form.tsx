"use client";

import { useActionState } from "react";
import { confirmEmailAction, type VerificationFormState } from "@/lib/site/email-verification/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** Opening the link only shows this button: a mail scanner's prefetch must not verify anybody. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmEmailAction, {} as VerificationFormState);
  return (
    <form action={action} className="space-y-4">
      {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…" className="w-full">
        Confirm my email address
      </SubmitButton>
    </form>
  );
}
