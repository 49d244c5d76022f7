/**
 * A minimal web app that embeds the ASAP widget, with nothing of Next.js: Node's own HTTP server, a
 * stand-in sign-in, and the one route a business adds for the new flow, POST /api/asap/token, which
 * mints with the documented snippet (./mint-asap-token.ts, a copy of lib/site/asap/mint-asap-token.ts).
 *
 *   DESK_URL=http://127.0.0.1:4010 ASAP_ADDON_ID=addon_example ASAP_KID=example-key-1 \
 *   ASAP_SECRET=… PORT=4100 npx tsx examples/web-app/server.ts
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { mintAsapToken } from "./mint-asap-token";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`[web-app] ${name} is not set. Needed: DESK_URL, ASAP_ADDON_ID, ASAP_KID, ASAP_SECRET (and PORT).`);
    process.exit(2);
  }
  return value;
}

const config = {
  port: Number(process.env.PORT ?? 4100),
  deskUrl: new URL(required("DESK_URL")).origin,
  addonId: required("ASAP_ADDON_ID"),
  kid: required("ASAP_KID"),
  // The add-on's signing secret: server-side only, never sent to the browser.
  secret: required("ASAP_SECRET"),
};

type User = { email: string; name: string };
/** Sign-in sessions by cookie: in memory, as befits an example. */
const sessions = new Map<string, User>();
const COOKIE = "example_session";
const MAX_SESSIONS = 10_000;

function sessionId(request: IncomingMessage): string | undefined {
  return request.headers.cookie?.split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
}

function currentUser(request: IncomingMessage): User | null {
  const id = sessionId(request);
  return (id && sessions.get(id)) || null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(user: User | null): string {
  const account = user
    ? `<p id="who">Signed in as ${escapeHtml(user.name)} (${escapeHtml(user.email)})</p>
       <form method="post" action="/sign-out"><button>Sign out</button></form>`
    : `<form method="post" action="/sign-in">
         <label>Email <input name="email" type="email" required></label>
         <label>Name <input name="name" required></label>
         <button>Sign in</button>
       </form>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Example app</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body data-signed-in="${user ? "true" : "false"}">
  <main>
    <h1>Example app</h1>
    ${account}
  </main>
  <script src="/app.js"></script>
  <script src="${escapeHtml(config.deskUrl)}/asap/sdk.js" data-addon-id="${escapeHtml(config.addonId)}" async></script>
</body>
</html>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": type, "X-Content-Type-Options": "nosniff", ...headers });
  response.end(body);
}

const json = (response: ServerResponse, status: number, body: unknown) => send(response, status, "application/json", JSON.stringify(body), { "Cache-Control": "no-store" });

/** Only our own pages may ask for a token: a cross-site request would get one for our signed-in user. */
function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site) return site === "same-origin";
  return request.headers.origin === `http://${request.headers.host}`;
}

const appScript = readFileSync(path.join(import.meta.dirname, "public/app.js"), "utf8");

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const route = `${request.method} ${url.pathname}`;
  (async () => {
    switch (route) {
      case "GET /":
        return send(response, 200, "text/html; charset=utf-8", page(currentUser(request)), { "Cache-Control": "no-store" });
      case "GET /app.js":
        return send(response, 200, "text/javascript; charset=utf-8", appScript);
      case "POST /sign-in": {
        // A stand-in for your own sign-in, which has verified the person's email address. Same-origin
        // only: a forged sign-in would make the widget file this browser's tickets under another email.
        if (!sameOrigin(request)) return send(response, 403, "text/plain", "Cross-site sign-ins are refused.");
        const form = await readForm(request);
        const email = form.get("email")?.trim().toLowerCase() ?? "";
        const name = form.get("name")?.trim() ?? "";
        if (!/^[^\s@]+@[^\s@]+$/.test(email) || !name || name.length > 100) return send(response, 400, "text/plain", "An email and a name, please.");
        const id = randomBytes(24).toString("base64url");
        // In memory and bounded: the oldest sign-in goes first.
        if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
        sessions.set(id, { email, name });
        return send(response, 303, "text/plain", "", { Location: "/", "Set-Cookie": `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` });
      }
      case "POST /sign-out":
        if (!sameOrigin(request)) return send(response, 403, "text/plain", "Cross-site sign-outs are refused.");
        sessions.delete(sessionId(request) ?? "");
        return send(response, 303, "text/plain", "", { Location: "/", "Set-Cookie": `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
      case "POST /api/asap/token": {
        // The new flow's one route: a short-lived JWT for the signed-in user, minted on the server.
        const user = currentUser(request);
        if (!sameOrigin(request)) return json(response, 403, { error: { code: "FORBIDDEN", message: "Cross-site token requests are refused.", hint: "" } });
        if (!user) return json(response, 401, { error: { code: "UNAUTHENTICATED", message: "Sign in first.", hint: "" } });
        const { token } = await mintAsapToken({ email: user.email, name: user.name, emailVerified: true }, { secret: config.secret, kid: config.kid, audience: config.addonId });
        return json(response, 200, { token });
      }
      case "GET /health":
        return json(response, 200, { ok: true });
      default:
        return send(response, 404, "text/plain", "Not found");
    }
  })().catch((error: unknown) => {
    console.error(`[web-app] ${route}: ${(error as Error).message}`);
    if (!response.headersSent) send(response, 500, "text/plain", "Something went wrong.");
  });
});

server.listen(config.port, "127.0.0.1", () => {
  console.log(`[web-app] http://127.0.0.1:${config.port} (widget from ${config.deskUrl}, add-on ${config.addonId}, key ${config.kid})`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
