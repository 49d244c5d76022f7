import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { helpContentChanged } from "./content-changed.mjs";
import HelpContentCache, { CHECK_EVERY_MS, contentWatch, HELP_CONTENT_TAG, SETTLE_MS, WAIT_FOR_CHECK_MS } from "./page-cache.mjs";

/** A Desk that answers GET content-version with whatever version the test sets, and counts the questions. */
let version = "v1";
let asked = 0;
let server: Server;
let deskBaseUrl = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    asked++;
    if (request.url !== "/desk/api/asap/v1/content-version") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ version }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  deskBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("contentWatch", () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    version = "v1";
    asked = 0;
    clock = 1_000_000;
  });

  it("asks the Desk over HTTP at most once per interval, and dates a change from when it was seen", async () => {
    const watch = contentWatch({ deskBaseUrl, now });
    const firstAnswer = clock;
    expect(await watch.outdatedBefore()).toBe(firstAnswer); // what was made before any answer is out of date
    await Promise.all([watch.outdatedBefore(), watch.outdatedBefore()]);
    expect(asked).toBe(1);

    version = "v2";
    clock += CHECK_EVERY_MS - 1;
    expect(await watch.outdatedBefore()).toBe(firstAnswer); // not asked yet
    clock += 1;
    expect(await watch.outdatedBefore()).toBe(clock);
    expect(asked).toBe(2);
  });

  it("outdates what was made just after a change once more, for renders that read the old content", async () => {
    const watch = contentWatch({ deskBaseUrl, now });
    await watch.outdatedBefore();
    version = "v2";
    clock += CHECK_EVERY_MS;
    const seen = await watch.outdatedBefore();
    clock += SETTLE_MS;
    expect(await watch.outdatedBefore()).toBe(seen + SETTLE_MS);
    clock += CHECK_EVERY_MS * 10;
    expect(await watch.outdatedBefore()).toBe(seen + SETTLE_MS); // and then no more, while nothing changes
  });

  it("tells the rest of the process each time pages made before some moment go out of date (server.ts's response cache)", async () => {
    const heard: unknown[] = [];
    const listen = (message: unknown) => heard.push(message);
    helpContentChanged.subscribe(listen);
    try {
      const watch = contentWatch({ deskBaseUrl, now });
      const first = await watch.outdatedBefore();
      clock += CHECK_EVERY_MS;
      await watch.outdatedBefore();
      expect(heard).toEqual([{ outdatedBefore: first }]); // the first answer only: nothing changed since
      version = "v2";
      clock += CHECK_EVERY_MS;
      const seen = await watch.outdatedBefore();
      clock += SETTLE_MS;
      await watch.outdatedBefore();
      expect(heard).toEqual([{ outdatedBefore: first }, { outdatedBefore: seen }, { outdatedBefore: seen + SETTLE_MS }]);
    } finally {
      helpContentChanged.unsubscribe(listen);
    }
  });

  it("keeps what it knows while the Desk cannot answer, and does not ask at every request meanwhile", async () => {
    let failures = 0;
    const watch = contentWatch({
      deskBaseUrl,
      now,
      ask: async () => {
        failures++;
        throw new Error("connection refused");
      },
    });
    expect(await watch.outdatedBefore()).toBe(0);
    expect(await watch.outdatedBefore()).toBe(0);
    expect(failures).toBe(1);
    clock += CHECK_EVERY_MS;
    await watch.outdatedBefore();
    expect(failures).toBe(2); // asked again a second after the last failure
  });
});

describe("HelpContentCache", () => {
  const page = (html: string, tags: string[]) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

  beforeEach(() => {
    version = "v1";
    HelpContentCache.entries.clear();
    HelpContentCache.bytes = 0;
    HelpContentCache.watch = contentWatch({ deskBaseUrl }); // the real clock, as entries are dated by it
  });

  it("drops help pages and data made before the Desk's content changed, and keeps the rest", async () => {
    const cache = new HelpContentCache();
    expect(await cache.get("/help")).toBeNull(); // a miss learns the version before the render
    await cache.set("/help", page("<h1>Help</h1>", ["_N_T_/help", HELP_CONTENT_TAG]));
    await cache.set("/pricing", page("<h1>Pricing</h1>", ["_N_T_/pricing"]));
    await cache.set("fetch-key", { kind: "FETCH", data: { body: "{}" } }, { fetchCache: true, tags: [HELP_CONTENT_TAG] });
    expect((await cache.get("/help"))?.value).toMatchObject({ html: "<h1>Help</h1>" });

    version = "v2"; // an edit, through any instance
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS + 5));
    expect(await cache.get("/help")).toBeNull();
    expect(await cache.get("fetch-key")).toBeNull();
    expect((await cache.get("/pricing"))?.value).toMatchObject({ html: "<h1>Pricing</h1>" });

    await cache.set("/help", page("<h1>Help, edited</h1>", ["_N_T_/help", HELP_CONTENT_TAG]));
    expect((await cache.get("/help"))?.value).toMatchObject({ html: "<h1>Help, edited</h1>" });
  });

  it("forgets what revalidateTag names, and keeps itself bounded", async () => {
    const cache = new HelpContentCache();
    await cache.set("/a", page("a", ["x"]));
    await cache.set("/b", page("b", ["y"]));
    await cache.revalidateTag(["x"]);
    expect(await cache.get("/a")).toBeNull();
    expect(await cache.get("/b")).not.toBeNull();

    await cache.set("/help/articles/invented", { ...page("Not found", ["_N_T_/help/articles/[slug]"]), status: 404 });
    expect(await cache.get("/help/articles/invented")).toBeNull(); // not kept: invented addresses push nothing out

    for (let i = 0; i < 1_100; i++) await cache.set(`/probe-${i}`, page("probe", ["_N_T_/help/articles/[slug]"]));
    expect(HelpContentCache.entries.size).toBeLessThanOrEqual(1_000);
    expect(await cache.get("/probe-0")).toBeNull(); // the oldest gave way
    expect(await cache.get("/probe-1099")).not.toBeNull();
  });
});

describe("a Desk that is slow or cut off", () => {
  it("keeps a request waiting no longer than WAIT_FOR_CHECK_MS, and lets the check finish for the next one", async () => {
    let answer: (version: string) => void = () => {};
    const watch = contentWatch({ deskBaseUrl, ask: () => new Promise((resolve) => (answer = resolve)) });
    const started = Date.now();
    expect(await watch.outdatedBefore()).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_FOR_CHECK_MS - 5);
    answer("v1");
  });

  it("gives up on an answer cut off or too long, instead of hanging every later check", async () => {
    const server = createServer((request, response) => {
      if (request.url?.endsWith("content-version")) response.writeHead(200).write("x".repeat(5_000));
      else response.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const watch = contentWatch({ deskBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      expect(await watch.outdatedBefore()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS + 10));
      expect(await watch.outdatedBefore()).toBe(0); // asked again: the first did not hang
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
