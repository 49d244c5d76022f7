"use client";

import { useActionState } from "react";
import { createAddonAction, type ActionState } from "@/lib/desk/portal/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { OriginsField } from "./origins-field";

export function CreateAddonForm() {
  const [state, action] = useActionState(createAddonAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField
        name="name"
        label="Add-on name"
        placeholder="Acme web app help"
        required
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <OriginsField defaultValue={state.values?.origins} error={state.fields?.origins} />
      <SubmitButton pendingLabel="Creating…">Create add-on</SubmitButton>
    </form>
  );
}
