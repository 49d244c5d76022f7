import type { ReactNode } from "react";
import { AsapWidget } from "@/components/site/asap-widget";
import { EarlyVisitor } from "@/components/site/early-visitor";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { VisitorProvider } from "@/components/site/visitor-context";

/**
 * Reads no session: the public pages (landing, pricing, help) can then be cached, the same HTML for
 * everyone. Who is signed in reaches the header and the widget through the browser (VisitorProvider).
 */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <VisitorProvider>
      <EarlyVisitor />
      <div className="flex min-h-screen flex-col">
        <SiteHeader />
        <div className="flex-1">{children}</div>
        <SiteFooter />
        <AsapWidget />
      </div>
    </VisitorProvider>
  );
}
