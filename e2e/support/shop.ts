import type { KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mintAsapToken, type AsapDesk, type AsapKey, type CreateAddonInput } from "asap-playwright";
import { deskURL } from "../../playwright.config";

/**
 * An integrator's shop: a page that embeds the SDK for an add-on of its own, and a server that signs
 * tokens with that add-on's key for whoever its URL says is signed in. Served on this machine
 * (Chromium lets only a local page load the local Desk's script). Start it in beforeAll.
 */
export const CUSTOMER_NAME = "Shop Customer";

type ShopAddon = { key: AsapKey; validityMs?: number };

function shopPage(addonId: string, user: string | null): string {
  const config = JSON.stringify({ addonId, user }).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1></main>
<script src="${deskURL}/asap/sdk.js" data-addon-id="${encodeURIComponent(addonId)}"></script>
<script>
  const shop = ${config};
  window.ZohoDeskAsapReady(() => {
    if (!shop.user) return window.ZohoDeskAsap.invoke("logout");
    const tokenUrl = "/asap-token?" + new URLSearchParams({ addon: shop.addonId, user: shop.user });
    window.ZohoDeskAsap.invoke("login", (success, failure) =>
      fetch(tokenUrl, { method: "POST" }).then((r) => r.json()).then((body) => success(body.token)).catch(failure));
  });
</script></body></html>`;
}

export class Shop {
  private readonly addons = new Map<string, ShopAddon>();
  private readonly published = new Map<string, Array<{ kid: string; publicKey: KeyObject }>>();
  private server: Server | null = null;
  origin = "";

  async start(): Promise<void> {
    this.server = createServer(async (request, response) => {
      const url = new URL(request.url ?? "/", this.origin);
      const addonId = url.searchParams.get("addon") ?? "";
      const user = url.searchParams.get("user");
      if (url.pathname === "/jwks.json") {
        // The public keys the shop publishes for an add-on (kid and JWK): what a JWKS URL serves.
        const keys = (this.published.get(addonId) ?? []).map(({ kid, publicKey }) => ({ ...publicKey.export({ format: "jwk" }), kid, use: "sig" }));
        return void response.writeHead(200, { "Content-Type": "application/jwk-set+json" }).end(JSON.stringify({ keys }));
      }
      if (url.pathname === "/asap-token") {
        const addon = this.addons.get(addonId);
        if (request.method !== "POST" || !addon || !user) return void response.writeHead(401).end();
        const token = await mintAsapToken({ email: user, name: CUSTOMER_NAME, aud: addonId }, addon.key, { validityMs: addon.validityMs });
        return void response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify({ token }));
      }
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(shopPage(addonId, user));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A fresh add-on allowed on the shop, whose key the shop signs with. */
  async addon(desk: AsapDesk, settings: Omit<CreateAddonInput, "origins"> = {}, minting: { validityMs?: number } = {}) {
    const { addon, key } = await desk.createAddon({ origins: [this.origin], ...settings });
    this.addons.set(addon.id, { key, ...minting });
    return { addon, key };
  }

  /** From now on the shop signs this add-on's tokens with `key` (a secret, or a private key). */
  signWith(addonId: string, key: AsapKey): void {
    const current = this.addons.get(addonId);
    this.addons.set(addonId, { ...current, key });
  }

  /** The public keys the shop's JWKS lists for the add-on, at jwksUrl(addonId). */
  publish(addonId: string, keys: Array<{ kid: string; publicKey: KeyObject }>): void {
    this.published.set(addonId, keys);
  }

  jwksUrl(addonId: string): string {
    return `${this.origin}/jwks.json?${new URLSearchParams({ addon: addonId })}`;
  }

  /** The shop's page, with `user` signed in to the shop (or nobody). */
  url(addonId: string, user: string | null): string {
    return `${this.origin}/?${new URLSearchParams({ addon: addonId, ...(user ? { user } : {}) })}`;
  }
}
