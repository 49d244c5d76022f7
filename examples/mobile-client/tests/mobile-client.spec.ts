import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "asap-playwright";
import { DeskClient, DeskError, type ChatMessage } from "../desk-client";

/**
 * The non-browser client against the Desk simulator: no page, only HTTP. The toolkit provisions an
 * add-on with a known key and mints the JWTs a mobile app's backend would.
 */
const deskUrl = process.env.ASAP_DESK_URL!;

test.beforeEach(async ({ asapDesk }) => {
  await asapDesk.reset();
});

test("signs in with a JWT, creates and lists tickets, and follows a chat live", async ({ asapDesk, mintAsapToken }) => {
  // A mobile app sends no Origin: the add-on's allowed origins are for web pages.
  const { addon, key } = await asapDesk.createAddon({ origins: ["https://app.example.com"] });
  const client = new DeskClient(deskUrl, addon.id);

  const contact = await client.login(await mintAsapToken({ email: "mo@example.com", name: "Mo Bile" }, key));
  expect(contact).toMatchObject({ email: "mo@example.com", name: "Mo Bile" });
  expect(client.sessionEndingSoon()).toBe(false);

  const key1 = crypto.randomUUID();
  const ticket = await client.createTicket({ subject: "Crash on launch", description: "Version 2.3 on Android 15." }, key1);
  const retried = await client.createTicket({ subject: "Crash on launch", description: "Version 2.3 on Android 15." }, key1);
  expect(retried.id).toBe(ticket.id);
  expect((await client.tickets()).map((mine) => mine.number)).toEqual([ticket.number]);
  expect((await asapDesk.tickets({ email: "mo@example.com" })).tickets).toHaveLength(1);

  const chat = await client.startChat("Is anyone there?");
  const seen: ChatMessage[] = [];
  const stop = new AbortController();
  const following = client.followChat(chat.id, (message) => seen.push(message), stop.signal);
  await expect.poll(() => seen.map((message) => message.body)).toEqual(["Is anyone there?"]);
  await client.sendChatMessage(chat.id, "It crashes on launch.");
  await expect.poll(() => seen.map((message) => message.body)).toEqual(["Is anyone there?", "It crashes on launch."]);
  stop.abort();
  await following;

  await client.logout();
  await expect(client.tickets()).rejects.toThrow("Log in first");
});

test("a refused login carries the Desk's code, and the login log says the same", async ({ asapDesk, mintAsapToken }) => {
  const { addon, key } = await asapDesk.createAddon({ origins: ["https://app.example.com"] });
  const client = new DeskClient(deskUrl, addon.id);
  const token = await mintAsapToken({ email: "mo@example.com" }, { ...key, secret: `${key.secret}-wrong` });

  const refused = await client.login(token).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(DeskError);
  expect(refused).toMatchObject({ status: 401, code: "SIGNATURE_INVALID" });
  const { events } = await asapDesk.loginEvents(addon.id, { outcome: "failure" });
  expect(events[0]?.code).toBe("SIGNATURE_INVALID");
});

test("main.ts, the documented command, does the round and says what it did; bad usage exits 2", async ({ asapDesk, mintAsapToken }) => {
  const { addon, key } = await asapDesk.createAddon({ origins: ["https://app.example.com"] });
  const main = path.join(import.meta.dirname, "../main.ts");
  const run = (args: string[], token?: string) =>
    spawnSync("npx", ["tsx", main, ...args], { encoding: "utf8", env: { ...process.env, ASAP_TOKEN: token ?? "" }, timeout: 60_000 });

  const done = run(["--desk", deskUrl, "--addon", addon.id, "--follow-seconds", "1"], await mintAsapToken({ email: "cli@example.com", name: "Cli User" }, key));
  expect(done.status, done.stderr).toBe(0);
  expect(done.stdout).toContain("signed in as Cli User <cli@example.com>");
  expect(done.stdout).toMatch(/created ticket #\d+/);
  expect(done.stdout).toContain("you: Hello from the mobile client");

  const usage = run(["--desk", deskUrl]);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("usage:");
  const refused = run(["--desk", deskUrl, "--addon", addon.id], "not-a-jwt");
  expect(refused.status).toBe(1);
  expect(refused.stderr).not.toContain("    at ");
});

