import "server-only";
import { env } from "@/lib/shared/env";
import type { SiteUser } from "@/lib/site/users";
import { mintAsapToken } from "./mint-asap-token";

/** The site's ASAP token for one of its users, signed with the add-on key from the environment. */
export function issueAsapToken(user: SiteUser) {
  return mintAsapToken(
    { email: user.email, name: user.name, emailVerified: user.emailVerified !== null },
    { secret: env.ASAP_JWT_SECRET, kid: env.ASAP_JWT_KID },
  );
}

/** What the page needs to load the widget: public values only, never the secret. */
export function widgetConfig() {
  return { addonId: env.ASAP_ADDON_ID, deskBaseUrl: env.DESK_BASE_URL.replace(/\/$/, ""), flow: env.ASAP_FLOW };
}
