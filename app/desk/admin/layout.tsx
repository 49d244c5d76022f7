import type { ReactNode } from "react";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { PortalNav } from "@/components/desk/portal-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const agent = await requireAgent("admin");
  return (
    <>
      <PortalNav agent={agent} />
      <div className="mx-auto max-w-6xl px-6 py-10">{children}</div>
    </>
  );
}
