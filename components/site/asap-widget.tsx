"use client";

import { useEffect } from "react";

type AsapApi = { invoke(action: "login", getToken: (success: (token: string) => void, failure: (reason: unknown) => void) => void): void; invoke(action: "logout" | "open" | "close"): void };

declare global {
  interface Window {
    ZohoDeskAsap?: AsapApi;
    ZohoDeskAsapReady?: (callback: () => void) => void;
    ZohoDeskAsap__asyncalls?: Array<() => void> | null;
    ZohoDeskAsapReadyStatus?: boolean;
  }
}

/** The vendor's snippet: queue callbacks until the SDK has loaded, then it runs them. */
function whenAsapReady(callback: () => void) {
  if (!window.ZohoDeskAsapReady) {
    window.ZohoDeskAsapReady = (queued) => {
      if (window.ZohoDeskAsapReadyStatus) return queued();
      (window.ZohoDeskAsap__asyncalls ??= []).push(queued);
    };
  }
  window.ZohoDeskAsapReady(callback);
}

type Credential = (success: (token: string) => void, failure: (reason: unknown) => void) => void;

function fetchCredential(path: string, pick: (body: Record<string, string>) => string | undefined): Credential {
  return (success, failure) =>
    fetch(path, { method: "POST" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${path} answered ${response.status}`))))
      .then((body: Record<string, string>) => success(pick(body) ?? ""))
      .catch(failure);
}

/** What the widget's login callback hands over: a JWT we sign (new flow) or a user token (legacy flow). */
const CREDENTIALS: Record<"new" | "legacy", Credential> = {
  new: fetchCredential("/api/asap/token", (body) => body.token),
  legacy: fetchCredential("/api/asap/user-token", (body) => body.userToken),
};

/**
 * Embeds the ASAP widget on every page of the site and keeps it in step with our sign-in: logged in
 * as the signed-in user, logged out when nobody is.
 */
export function AsapWidget({
  deskBaseUrl,
  addonId,
  flow,
  userEmail,
}: {
  deskBaseUrl: string;
  addonId: string;
  flow: "new" | "legacy";
  userEmail: string | null;
}) {
  useEffect(() => {
    if (document.getElementById("asap-sdk")) return;
    const script = document.createElement("script");
    script.id = "asap-sdk";
    script.src = `${deskBaseUrl}/asap/sdk.js`;
    script.async = true;
    script.dataset.addonId = addonId;
    document.body.appendChild(script);
  }, [deskBaseUrl, addonId]);

  useEffect(() => {
    whenAsapReady(() => {
      if (userEmail) window.ZohoDeskAsap?.invoke("login", CREDENTIALS[flow]);
      else window.ZohoDeskAsap?.invoke("logout");
    });
  }, [userEmail, flow]);

  return null;
}
