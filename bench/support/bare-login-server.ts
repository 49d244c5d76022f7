/**
 * The floor for a login over HTTP: a bare node:http server doing what a login must, and no more. It
 * reads the JSON body, verifies the HS256 JWT with jose (cached CryptoKey) and its claims, then, in one
 * better-sqlite3 transaction, makes the rows the app's login makes (replay id, contact, session, log
 * entry), and answers the session token. Run by bench/run.ts as a child process, on a copy of the
 * benchmark's database: `tsx bench/support/bare-login-server.ts <db file> <port>`, with
 * ASAP_JWT_SECRET in the environment.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { compactVerify } from "jose";

const [file, port] = process.argv.slice(2);
const secret = process.env.ASAP_JWT_SECRET;
if (!file || !port || !secret) throw new Error("usage: bare-login-server.ts <db file> <port>, with ASAP_JWT_SECRET set");

const db = new Database(file);
db.pragma("journal_mode = WAL");
const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
const addonId = (db.prepare(`SELECT "id" FROM "AsapAddon" LIMIT 1`).get() as { id: string }).id;

const claimJti = db.prepare(`INSERT INTO "UsedTokenId" ("addonId", "jti", "expiresAt") VALUES (?, ?, ?)`);
const upsertContact = db.prepare(
  `INSERT INTO "Contact" ("id", "email", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)
   ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name", "updatedAt" = excluded."updatedAt" RETURNING "id"`,
);
const openSession = db.prepare(`INSERT INTO "AsapSession" ("id", "addonId", "contactId", "tokenHash", "flow", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, 'new', ?, ?)`);
const logLogin = db.prepare(`INSERT INTO "LoginEvent" ("id", "addonId", "flow", "outcome", "email", "clientIp", "createdAt", "lastSeenAt") VALUES (?, ?, 'new', 'success', ?, ?, ?, ?)`);

type Claims = { email: string; name?: string; jti: string; not_before: number; not_after: number };
const login = db.transaction((claims: Claims, clientIp: string) => {
  const now = Date.now();
  claimJti.run(addonId, claims.jti, claims.not_after);
  const contact = upsertContact.get(randomUUID(), claims.email, claims.name ?? claims.email, now, now) as { id: string };
  const token = randomBytes(32).toString("base64url");
  openSession.run(randomUUID(), addonId, contact.id, createHash("sha256").update(token).digest("hex"), now, now + 3_600_000);
  logLogin.run(randomUUID(), addonId, claims.email, clientIp, now, now);
  return token;
});

createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (body += chunk));
  request.on("end", async () => {
    try {
      const { token } = JSON.parse(body) as { token: string };
      const { payload } = await compactVerify(token, key);
      const claims = JSON.parse(new TextDecoder().decode(payload)) as Claims;
      const now = Date.now();
      if (typeof claims.email !== "string" || !(claims.not_before <= now + 60_000 && now < claims.not_after)) throw new Error("bad claims");
      const session = login(claims, request.socket.remoteAddress ?? "");
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ session: { token: session } }));
    } catch {
      response.writeHead(401).end();
    }
  });
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
