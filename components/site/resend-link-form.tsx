"use client";

import { useActionState } from "react";
import { resendVerificationAction, type VerificationFormState } from "@/lib/site/email-verification/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn } from "@/components/ui/cn";

/** "Resend the link", with the answer (sent, throttled, mail server down) beside it. */
export function ResendLinkForm({ label = "Resend the link" }: { label?: string }) {
  const [state, action] = useActionState(resendVerificationAction, {} as VerificationFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        {label}
      </SubmitButton>
      {state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={cn("text-sm", state.status === "error" ? "text-red-700" : "text-emerald-800")}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
