"use client";

import { useActionState } from "react";
import { deskSignInAction, type ActionState } from "@/lib/desk/portal/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function DeskSignInForm() {
  const [state, action] = useActionState(deskSignInAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      <TextField
        name="email"
        label="Agent email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={state.fields?.password} />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in to the Desk
      </SubmitButton>
    </form>
  );
}
