import type { ReactNode } from "react";
import { AsapWidget } from "@/components/site/asap-widget";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { currentUser } from "@/lib/site/current-user";
import { widgetConfig } from "@/lib/site/asap/issue-token";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const { addonId, deskBaseUrl, flow } = widgetConfig();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <div className="flex-1">{children}</div>
      <SiteFooter />
      <AsapWidget
        deskBaseUrl={deskBaseUrl} addonId={addonId} flow={flow} userEmail={user?.email ?? null}
        emailVerified={Boolean(user?.emailVerified)}
      />
    </div>
  );
}
