import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import { secretFingerprint } from "../lib/desk/keys/fingerprint";
import { sealSecret } from "../lib/desk/keys/secret-box";
import { LOGIN_FAILURES_PER_MINUTE } from "../lib/desk/iam/limits";
import { ENV_FILE, type ClusterEnv } from "./run-env";
import { expect, test, type Cluster } from "./fixtures";

// DESIGN §6: instances are stateless and behave as one. Each check talks to instance a and b
// directly (not through the proxy), so it is certain which instance answered.
const API = "/desk/api/asap/v1";

async function newAddon(cluster: Cluster) {
  const masterKey = Buffer.from((JSON.parse(readFileSync(ENV_FILE, "utf8")) as ClusterEnv).DESK_MASTER_KEY ?? "", "base64url");
  const id = `addon_${randomUUID().slice(0, 8)}`;
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString("base64url");
  await cluster.db.asapAddon.create({
    data: { id, name: id, keys: { create: { kid, fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, kid, masterKey) } } },
  });
  const sign = (claims: Record<string, unknown> = {}) => {
    const now = Date.now();
    return new SignJWT({ email: `c-${id}@example.com`, email_verified: true, not_before: now, not_after: now + 300_000, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: "HS256", kid })
      .sign(new TextEncoder().encode(secret));
  };
  return { id, sign };
}

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${API}/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

test.describe("two instances on one database", () => {
  test("a jti used on A is refused on B, and of a racing pair exactly one wins", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const addon = await newAddon(cluster);
    const token = await addon.sign();
    expect((await post(a, "login", { addonId: addon.id, token })).status).toBe(200);
    const replayed = await post(b, "login", { addonId: addon.id, token });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe("TOKEN_REPLAYED");

    for (let round = 0; round < 5; round++) {
      const racing = await addon.sign();
      const statuses = await Promise.all([post(a, "login", { addonId: addon.id, token: racing }), post(b, "login", { addonId: addon.id, token: racing })].map(async (r) => (await r).status));
      expect(statuses.sort()).toEqual([200, 401]);
    }
  });

  test("the login throttle counts failures made on both", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const addon = await newAddon(cluster);
    const client = { "x-forwarded-for": `198.18.7.${Math.floor(Math.random() * 250)}` };
    for (let i = 0; i < LOGIN_FAILURES_PER_MINUTE; i++) {
      expect((await post(i % 2 ? b : a, "login", { addonId: addon.id, token: "not.a.token" }, client)).status).toBe(401);
    }
    for (const base of [a, b]) expect((await post(base, "login", { addonId: addon.id, token: await addon.sign() }, client)).status).toBe(429);
  });

  test("a message posted through A reaches a stream held open on B at once", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const started = await post(a, "chat/sessions", { name: "Guest", message: "Hello from A" }, { "x-forwarded-for": "198.18.9.1" });
    const { chat, visitorToken } = (await started.json()) as { chat: { id: string }; visitorToken: string };
    const headers = { "x-chat-token": visitorToken };

    const abort = new AbortController();
    const stream = await fetch(`${b}${API}/chat/sessions/${chat.id}/events`, { headers, signal: abort.signal });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    const until = async (text: string) => {
      while (!buffer.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before "${text}"`);
        buffer += value;
      }
    };
    await until("Hello from A"); // the history, from B's own read

    const sent = Date.now();
    expect((await post(a, `chat/sessions/${chat.id}/messages`, { body: "Second, through A" }, { ...headers, "x-forwarded-for": "198.18.9.1" })).status).toBe(201);
    await until("Second, through A");
    const latency = Date.now() - sent;
    abort.abort();
    // PostgreSQL wakes the stream by NOTIFY; SQLite's streams look again every second.
    expect(latency).toBeLessThan(/^postgres/.test(cluster.databaseUrl) ? 1_000 : 2_500);
  });

  test("a logout through A ends the chat stream held on B within two seconds", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const addon = await newAddon(cluster);
    const login = await post(a, "login", { addonId: addon.id, token: await addon.sign() });
    const authorization = `Bearer ${((await login.json()) as { session: { token: string } }).session.token}`;
    const started = await post(a, "chat/sessions", { message: "Stream me" }, { authorization });
    const { chat } = (await started.json()) as { chat: { id: string } };

    const stream = await fetch(`${b}${API}/chat/sessions/${chat.id}/events`, { headers: { authorization }, signal: AbortSignal.timeout(20_000) });
    const reader = stream.body!.getReader();
    await reader.read(); // open and delivering
    const loggedOut = Date.now();
    expect((await fetch(`${a}${API}/logout`, { method: "POST", headers: { authorization } })).status).toBe(204);
    while (!(await reader.read()).done) {
      // drain until the server closes the stream
    }
    expect(Date.now() - loggedOut).toBeLessThan(2_000);
  });

  test("an Idempotency-Key retried on the other instance replays the first answer", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const addon = await newAddon(cluster);
    const login = await post(a, "login", { addonId: addon.id, token: await addon.sign() });
    const bearer = ((await login.json()) as { session: { token: string } }).session.token;
    const headers = { authorization: `Bearer ${bearer}`, "idempotency-key": randomUUID() };
    const ticket = { subject: "Once only", description: "Sent twice, stored once" };

    const first = await post(a, "tickets", ticket, headers);
    const retried = await post(b, "tickets", ticket, headers);
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual(await first.json());

    const racing = { ...headers, "idempotency-key": randomUUID() };
    const pair = await Promise.all([post(a, "tickets", ticket, racing), post(b, "tickets", ticket, racing)]);
    const bodies = await Promise.all(pair.map((response) => response.json()));
    expect(pair.map((response) => response.status)).toEqual([201, 201]);
    expect(bodies[0]).toEqual(bodies[1]);
    const contact = await cluster.db.contact.findUniqueOrThrow({ where: { email: `c-${addon.id}@example.com` }, select: { id: true } });
    expect(await cluster.db.ticket.count({ where: { contactId: contact.id } })).toBe(2);
  });

  test("a help page cached on both shows an edit made on one database at once, on both", async ({ cluster }) => {
    const [a, b] = cluster.instances.urls as [string, string];
    const tag = randomUUID().slice(0, 8);
    const category = await cluster.db.category.create({ data: { slug: `cluster-${tag}`, name: `Cluster ${tag}`, description: "Cached pages" } });
    const article = await cluster.db.article.create({
      data: { slug: `cached-${tag}`, title: `Cached ${tag}`, summary: "Served from each instance's cache", body: "First version.", categoryId: category.id },
    });
    const page = (base: string) => fetch(`${base}/help/articles/${article.slug}`).then(async (r) => ({ cache: r.headers.get("x-nextjs-cache"), html: await r.text() }));
    for (const base of [a, b]) {
      await page(base);
      expect(await page(base)).toMatchObject({ cache: "HIT", html: expect.stringContaining("First version.") });
    }
    await cluster.db.article.update({ where: { id: article.id }, data: { body: `Second version ${tag}.` } });
    for (const base of [a, b]) await expect.poll(async () => (await page(base)).html.includes(`Second version ${tag}.`), { message: base }).toBe(true);
  });
});
