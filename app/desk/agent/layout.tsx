import Link from "next/link";
import type { ReactNode } from "react";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { SignedInAgent } from "@/components/desk/signed-in-agent";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const agent = await requireAgent();
  return (
    <>
      <nav aria-label="Agent console" className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-2 text-sm">
          <div className="flex gap-5 font-medium text-slate-600">
            <Link href="/desk/agent" className="hover:text-slate-900">
              Tickets
            </Link>
            <Link href="/desk/agent/chats" className="hover:text-slate-900">
              Chats
            </Link>
            <Link href="/desk/agent/articles" className="hover:text-slate-900">
              Articles
            </Link>
            {agent.role === "admin" ? (
              <Link href="/desk/admin" className="hover:text-slate-900">
                Admin
              </Link>
            ) : null}
          </div>
          <SignedInAgent agent={agent} />
        </div>
      </nav>
      <div className="mx-auto max-w-6xl px-6 py-8">{children}</div>
    </>
  );
}
