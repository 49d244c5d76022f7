import type { NextRequest } from "next/server";
import { findAddonForFrame } from "@/lib/desk/addons/find-addon";
import { frameConfig, frameContentSecurityPolicy, frameDocument } from "@/lib/desk/widget/frame-document";
import { env } from "@/lib/shared/env";

const html = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** GET /desk/widget/frame?addonId=…&parentOrigin=… — the widget's iframe document. */
export async function GET(request: NextRequest) {
  const addonId = request.nextUrl.searchParams.get("addonId") ?? "";
  const parentOrigin = request.nextUrl.searchParams.get("parentOrigin") ?? "";
  const addon = addonId.length <= 64 ? await findAddonForFrame(addonId) : null;
  if (!addon) return html("<!doctype html><title>Unknown add-on</title><p>This help widget is not configured.</p>", 404);

  const headers = { "Content-Security-Policy": frameContentSecurityPolicy(addon.origins), "X-Content-Type-Options": "nosniff" };
  // The frame posts messages only to this origin; it must be one the add-on allows (frame-ancestors
  // already keeps other pages from embedding the frame at all).
  if (!addon.origins.includes(parentOrigin)) {
    return html("<!doctype html><title>Not allowed</title><p>This page may not embed the help widget.</p>", 403, headers);
  }
  return html(frameDocument(frameConfig(addon, parentOrigin, env.ATTACHMENT_MAX_BYTES)), 200, headers);
}
