"use client";

import { useRouter } from "next/navigation";
import { signOutAction } from "@/lib/site/auth-actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { useVisitor } from "./visitor-context";

/** Signs out, tells the header and the widget (which logs out of the Desk too), and goes home. */
export function SignOutButton() {
  const { refresh, signedOut } = useVisitor();
  const router = useRouter();
  return (
    <form
      action={async () => {
        await signOutAction();
        signedOut(); // the header and the widget (which logs out of the Desk) follow at once
        await refresh();
        router.push("/");
        router.refresh();
      }}
    >
      <SubmitButton variant="ghost" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
