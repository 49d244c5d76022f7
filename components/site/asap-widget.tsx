"use client";

import { useEffect } from "react";
import { readErrorBody } from "@/lib/contract/error-body";
import { loadSdk } from "./asap-sdk-tag";
import { firstVisitor, useVisitor } from "./visitor-context";

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

/** Our refusal's own words (e.g. "Verify your email address…"), which the widget shows its person. */
async function refusal(path: string, response: Response): Promise<Error> {
  const error = readErrorBody(await response.json().catch(() => null));
  return new Error(error?.message || `${path} answered ${response.status}`);
}

function fetchCredential(path: string, pick: (body: Record<string, string>) => string | undefined): Credential {
  return (success, failure) =>
    fetch(path, { method: "POST" })
      .then(async (response) => (response.ok ? response.json() : Promise.reject(await refusal(path, response))))
      .then((body: Record<string, string>) => success(pick(body) ?? ""))
      .catch(failure);
}

/** What the widget's login callback hands over: a JWT we sign (new flow) or a user token (legacy flow). */
const CREDENTIALS: Record<"new" | "legacy", Credential> = {
  new: fetchCredential("/api/asap/token", (body) => body.token),
  legacy: fetchCredential("/api/asap/user-token", (body) => body.userToken),
};

const WIDGET_USER_KEY = "northwind:asap-user";

/**
 * Whether the widget was last logged in for someone else in this tab (one user's site session
 * replaced by another's without a sign-out): the SDK's stored session is then theirs, and must be
 * revoked, not resumed.
 */
function userChanged(userEmail: string | null): boolean {
  try {
    const previous = sessionStorage.getItem(WIDGET_USER_KEY);
    if (userEmail) sessionStorage.setItem(WIDGET_USER_KEY, userEmail);
    else sessionStorage.removeItem(WIDGET_USER_KEY);
    return previous !== null && previous !== userEmail;
  } catch {
    return false; // no storage: the SDK has none to resume either
  }
}

// The page's early question has usually added the SDK already (./early-visitor.tsx); if not, here,
// as soon as the first visitor answer names the Desk.
if (typeof window !== "undefined") void firstVisitor().then((visitor) => visitor && loadSdk(visitor.widget));

/**
 * Embeds the ASAP widget on every page of the site and keeps it in step with our sign-in: logged in
 * as the signed-in user, logged out when nobody is. A user whose email is not verified still asks to
 * log in: our token route refuses, and the widget keeps them a guest and shows them why. Waits for
 * the visitor's answer (./visitor-context), which also names the Desk to load the widget from.
 */
export function AsapWidget() {
  const { visitor } = useVisitor();
  const flow = visitor?.widget.flow;
  const known = visitor !== undefined;
  const userEmail = visitor?.user?.email ?? null;
  const emailVerified = Boolean(visitor?.user?.emailVerified);

  useEffect(() => {
    if (!known || !flow) return;
    whenAsapReady(() => {
      const changed = userChanged(userEmail);
      if (!userEmail || changed) window.ZohoDeskAsap?.invoke("logout");
      if (userEmail) window.ZohoDeskAsap?.invoke("login", CREDENTIALS[flow]);
    });
    // emailVerified: once the user confirms their address, ask again, and this time get a token.
  }, [known, userEmail, emailVerified, flow]);

  return null;
}
