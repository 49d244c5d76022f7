import Link from "next/link";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { SignedInAgent } from "@/components/desk/signed-in-agent";

export function PortalNav({ agent }: { agent: PortalAgent }) {
  return (
    <nav aria-label="Portal" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-6 py-2 text-sm">
        <div className="flex gap-5 font-medium text-slate-600">
          <Link href="/desk/admin" className="hover:text-slate-900">
            ASAP add-ons
          </Link>
          <Link href="/desk/admin/debugger" className="hover:text-slate-900">
            JWT debugger
          </Link>
          <Link href="/desk/agent" className="hover:text-slate-900">
            Agent console
          </Link>
          <Link href="/desk" className="hover:text-slate-900">
            Overview
          </Link>
        </div>
        <SignedInAgent agent={agent} />
      </div>
    </nav>
  );
}
