"use client";

import { useActionState } from "react";
import { signUpAction, type FormState } from "@/lib/site/auth-actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/site/validation";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, {} as FormState<"name" | "email" | "password">);
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      <TextField
        name="name"
        label="Full name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <TextField
        name="email"
        label="Work email"
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
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={state.fields?.password}
      />
      <SubmitButton pendingLabel="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
