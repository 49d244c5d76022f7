"use client";

import { useActionState } from "react";
import { signInAction, type FormState } from "@/lib/site/auth-actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

type SignInField = "email" | "password";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, {} as FormState<SignInField>);
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.password}
      />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
