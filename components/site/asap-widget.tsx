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

/** Fetches a fresh ASAP JWT for the signed-in user from our own server (the new flow). */
function getAsapToken(success: (token: string) => void, failure: (reason: unknown) => void) {
  fetch("/api/asap/token", { method: "POST" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`token endpoint answered ${response.status}`))))
    .then((body: { token: string }) => success(body.token))
    .catch(failure);
}

/**
 * Embeds the ASAP widget on every page of the site and keeps it in step with our sign-in: logged in
 * as the signed-in user, logged out when nobody is.
 */
export function AsapWidget({ deskBaseUrl, addonId, userEmail }: { deskBaseUrl: string; addonId: string; userEmail: string | null }) {
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
      if (userEmail) window.ZohoDeskAsap?.invoke("login", getAsapToken);
      else window.ZohoDeskAsap?.invoke("logout");
    });
  }, [userEmail]);

  return null;
}
