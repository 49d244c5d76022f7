/**
 * The Desk's SDK on the site's pages: one <script> tag, added once, by whichever comes first of the
 * page's early question (./early-visitor.tsx, which writes the same tag in its inline script) and the
 * widget component (./asap-widget.tsx).
 */
export const SDK_SCRIPT_ID = "asap-sdk";
export const SDK_PATH = "/asap/sdk.js";

export function loadSdk({ deskBaseUrl, addonId }: { deskBaseUrl: string; addonId: string }) {
  if (document.getElementById(SDK_SCRIPT_ID)) return;
  const script = document.createElement("script");
  script.id = SDK_SCRIPT_ID;
  script.src = `${deskBaseUrl}${SDK_PATH}`;
  script.async = true;
  script.dataset.addonId = addonId;
  document.body.appendChild(script);
}
