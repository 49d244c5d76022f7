import { deskSignOutAction } from "@/lib/desk/portal/actions";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { SubmitButton } from "@/components/ui/submit-button";

/** Who is signed in to the Desk, with the way out. */
export function SignedInAgent({ agent }: { agent: PortalAgent }) {
  return (
    <div className="flex items-center gap-2 text-slate-600">
      <span>
        {agent.name} · {agent.role}
      </span>
      <form action={deskSignOutAction}>
        <SubmitButton variant="ghost" pendingLabel="Signing out…">
          Sign out
        </SubmitButton>
      </form>
    </div>
  );
}
