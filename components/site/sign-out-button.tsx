import { signOutAction } from "@/lib/site/auth-actions";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <SubmitButton variant="ghost" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
