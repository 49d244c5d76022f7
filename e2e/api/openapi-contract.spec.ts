import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect, test } from "../fixtures";
import { baseURL, deskURL } from "../../playwright.config";
import { e2eDatabase } from "../support/database";
import { createAddon, signToken } from "../support/desk";

// The Desk API against its own OpenAPI document (lib/contract/desk-api/openapi): every documented
// operation is called over real HTTP, and each answer's status must be documented and its body valid
// against the operation's schema for that status. Answers are strict (additionalProperties: false),
// so a field the contract does not list fails here. It runs on the cross-origin Desk, which trusts
// X-Forwarded-For from loopback, under an address of its own: its guest calls spend no other test's budget.
const SITE = new URL(baseURL).origin;
const address = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

type Json = Record<string, unknown>;
type OperationObject = { operationId: string; requestBody?: Json; responses: Record<string, { content?: Record<string, Json> }> };
type Document = { servers: Array<{ url: string }>; paths: Record<string, Record<string, OperationObject>> };
type Call = {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A JSON body; a string or a Buffer is sent as it is, with the headers given. */
  body?: unknown;
};

/** A JSON pointer into the document, for ajv's refs. */
const pointer = (...segments: string[]) => segments.map((segment) => `/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/** Calls the document's operations by operationId and checks each answer against it. */
class ContractClient {
  readonly answered = new Map<string, number[]>();
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly operations = new Map<string, { method: string; path: string; operation: OperationObject }>();

  constructor(
    private readonly desk: APIRequestContext,
    private readonly document: Document,
  ) {
    addFormats(this.ajv);
    // The document's own fields are not JSON Schema: its schemas are compiled where they sit, so refs resolve as in the document.
    for (const keyword of Object.keys(document)) this.ajv.addKeyword(keyword);
    this.ajv.addSchema({ ...document, $id: "openapi.json" });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) this.operations.set(operation.operationId, { method, path, operation });
    }
  }

  get operationIds(): string[] {
    return [...this.operations.keys()];
  }

  /** The validator of the schema at a pointer into the document. */
  schemaAt(at: string): ValidateFunction {
    let validate = this.validators.get(at);
    if (!validate) this.validators.set(at, (validate = this.ajv.compile({ $ref: `openapi.json#${at}` })));
    return validate;
  }

  private valid(at: string, value: unknown, what: string) {
    const validate = this.schemaAt(at);
    expect(validate(value), `${what}: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`).toBe(true);
  }

  url(operationId: string, call: Call = {}): { method: string; url: string; path: string } {
    const found = this.operations.get(operationId);
    if (!found) throw new Error(`${operationId} is not in the document`);
    const route = found.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(call.params?.[name] ?? "")));
    const query = call.query ? `?${new URLSearchParams(call.query)}` : "";
    return { method: found.method, url: `${this.document.servers[0]?.url}${route}${query}`, path: found.path };
  }

  /** Sends one call and checks its answer; `expected` is the status this call should get. Returns the body. */
  async call<T = Json>(operationId: string, expected: number, call: Call = {}): Promise<T> {
    const { method, url, path } = this.url(operationId, call);
    const { operation } = this.operations.get(operationId)!;
    if (expected < 300 && call.body !== undefined && typeof call.body !== "string" && !Buffer.isBuffer(call.body)) {
      // What a test sends to succeed is what the document says a client may send.
      this.valid(pointer("paths", path, method, "requestBody", "content", "application/json", "schema"), call.body, `${operationId}'s request body`);
    }
    const response = await this.desk.fetch(url, { method: method.toUpperCase(), headers: call.headers, data: call.body });
    const status = response.status();
    const text = await response.text();
    expect(status, `${operationId}: ${text}`).toBe(expected);
    this.answered.set(operationId, [...(this.answered.get(operationId) ?? []), status]);

    const documented = operation.responses[String(status)];
    expect(documented, `${operationId} answered ${status}, which its document does not list`).toBeDefined();
    if (!documented?.content) {
      expect(text, `${operationId} ${status} has no body`).toBe("");
      return undefined as T;
    }
    const mediaTypes = Object.keys(documented.content);
    const contentType = response.headers()["content-type"] ?? "";
    const mediaType = mediaTypes.find((type) => contentType.split(";")[0] === type) ?? "";
    expect(mediaType, `${operationId} ${status} is ${contentType}, which its document does not list`).not.toBe("");
    if (!mediaType.includes("json")) return (await response.body()) as T; // a file: its bytes, as documented
    const body = JSON.parse(text) as unknown;
    this.valid(pointer("paths", path, method, "responses", String(status), "content", mediaType, "schema"), body, `${operationId} ${status}`);
    return body as T;
  }

  /** The events stream's first event of a kind (the document's first: message), read live and checked against the document's event data. */
  async firstEvent(operationId: string, call: Call, kind?: string): Promise<unknown> {
    const { method, url, path } = this.url(operationId, call);
    const abort = new AbortController();
    const response = await fetch(`${deskURL}${url}`, { method: method.toUpperCase(), headers: { "x-forwarded-for": address, ...call.headers }, signal: abort.signal });
    try {
      expect(response.status).toBe(200);
      this.answered.set(operationId, [...(this.answered.get(operationId) ?? []), response.status]);
      const documented = this.operations.get(operationId)!.operation.responses["200"]?.content ?? {};
      const [mediaType, media] = Object.entries(documented)[0] ?? [];
      expect(response.headers.get("content-type")).toContain(mediaType);
      const events = (media?.["x-events"] ?? {}) as Record<string, unknown>;
      const event = kind ?? Object.keys(events)[0] ?? "";
      expect(Object.keys(events), `${operationId} documents no ${event} event`).toContain(event);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const block = buffer.split("\n\n").find((each) => each.includes(`event: ${event}\n`));
        if (!block) continue;
        const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null") as unknown;
        this.valid(pointer("paths", path, method, "responses", "200", "content", mediaType ?? "", "x-events", event), data, `${operationId}'s ${event} event`);
        // A message's id is the event's, so a reconnect resumes after it; the ended event moves no resume point.
        expect(/^id: (.+)$/m.exec(block)?.[1]).toBe(event === "message" ? (data as { id: string }).id : undefined);
        return data;
      }
      throw new Error(`${operationId} sent no ${event} event`);
    } finally {
      abort.abort();
    }
  }
}

test.describe("the Desk API's OpenAPI document", () => {
  test("every documented operation answers as the document says", async () => {
    test.setTimeout(60_000);
    const desk = await playwrightRequest.newContext({ baseURL: deskURL, extraHTTPHeaders: { "x-forwarded-for": address } });
    const served = await desk.get("/desk/api/asap/v1/openapi.json");
    expect(served.status()).toBe(200);
    expect(served.headers()["cache-control"]).toContain("public");
    const api = new ContractClient(desk, (await served.json()) as Document);

    // Session: log in as a contact of a fresh add-on, through the document's own login.
    const addon = await createAddon({ origins: [SITE] });
    const email = `contract-${randomUUID().slice(0, 8)}@example.com`;
    const login = await api.call<{ session: { token: string } }>("logIn", 200, {
      body: { addonId: addon.id, token: await signToken(addon.key, { email }) },
      headers: { origin: SITE },
    });
    const bearer = { authorization: `Bearer ${login.session.token}` };
    await api.call("logIn", 401, { body: { addonId: addon.id, token: "not.a.jwt" }, headers: { origin: SITE } });
    await api.call("readSession", 200, { headers: bearer });

    // The knowledge base.
    const { categories } = await api.call<{ categories: Array<{ slug: string }> }>("listCategories", 200);
    const { articles } = await api.call<{ articles: Array<{ id: string; slug: string }> }>("listArticles", 200, { query: { category: categories[0]?.slug ?? "" } });
    await api.call("listArticles", 200, { query: { q: "password", pageSize: "5" } });
    await api.call("listArticles", 400, { query: { page: "0" } });
    await api.call("readArticle", 200, { params: { articleId: articles[0]?.slug ?? "" } });
    await api.call("readArticle", 404, { params: { articleId: "no-such-article" } });
    await api.call("countArticleView", 204, { params: { articleId: articles[0]?.id ?? "" } });
    await api.call("countArticleView", 404, { params: { articleId: "no-such-article" } });
    await api.call("readContentVersion", 200);
    const deflectionKey = randomUUID().replaceAll("-", "");
    await api.call("openSuggestedArticle", 204, { body: { key: deflectionKey, articleId: articles[0]?.id ?? "" } });
    await api.call("openSuggestedArticle", 400, { body: { key: "short", articleId: articles[0]?.id ?? "" } });
    await api.call("openSuggestedArticle", 404, { body: { key: deflectionKey, articleId: "no-such-article" } });
    await api.call("rateArticle", 200, { params: { articleId: articles[0]?.id ?? "" }, body: { helpful: true }, headers: bearer });

    // Tickets, a contact's and a guest's.
    const idempotent = { ...bearer, "idempotency-key": randomUUID() };
    const { ticket } = await api.call<{ ticket: { id: string; number: number } }>("createTicket", 201, {
      body: { subject: "Invoices are late", description: "Since Monday." },
      headers: idempotent,
    });
    await api.call("createTicket", 201, { body: { subject: "Invoices are late", description: "Since Monday." }, headers: idempotent }); // the replay
    await api.call("createTicket", 201, { body: { name: "Guest", email: `guest-${randomUUID().slice(0, 8)}@example.com`, subject: "Question", description: "How?" } });
    await api.call("createTicket", 415, { body: "subject=x", headers: { ...bearer, "content-type": "text/plain" } });
    await api.call("listTickets", 200, { query: { status: "open" }, headers: bearer });
    await api.call("listTickets", 401);
    await api.call("readTicket", 200, { params: { ticketId: ticket.number }, headers: bearer });
    await api.call("changeTicket", 200, { params: { ticketId: ticket.id }, body: { priority: "high" }, headers: bearer });
    const commentKey = { ...bearer, "idempotency-key": randomUUID() };
    await api.call("addTicketComment", 201, { params: { ticketId: ticket.id }, body: { body: "Any news?" }, headers: commentKey });
    await api.call("addTicketComment", 422, { params: { ticketId: ticket.id }, body: { body: "Another text" }, headers: commentKey });
    await api.call("listTicketComments", 200, { params: { ticketId: ticket.id }, headers: bearer });

    // The community.
    const { topics } = await api.call<{ topics: Array<{ slug: string }> }>("listTopics", 200);
    await api.call("listPosts", 200, { query: { topic: topics[0]?.slug ?? "" } });
    const { post } = await api.call<{ post: { id: string } }>("createPost", 201, {
      body: { topic: "ideas", type: "idea", title: "A dark mode", body: "Please." },
      headers: bearer,
    });
    await api.call("replyToPost", 201, { params: { postId: post.id }, body: { body: "+1" }, headers: bearer });
    await api.call("readPost", 200, { params: { postId: post.id }, headers: bearer });
    await api.call("likePost", 200, { params: { postId: post.id }, headers: bearer });
    await api.call("unlikePost", 200, { params: { postId: post.id }, headers: bearer });
    await api.call("followPost", 200, { params: { postId: post.id }, headers: bearer });
    await api.call("unfollowPost", 200, { params: { postId: post.id }, headers: bearer });
    await api.call("likePost", 401, { params: { postId: post.id } });

    type Refusal = { error: { code: string } };

    // Live chat: a guest's, by its token, and a contact's history.
    const guest = await api.call<{ chat: { id: string }; visitorToken: string }>("startChat", 201, { body: { name: "Guest", message: "Is anyone there?" } });
    const token = { "x-chat-token": guest.visitorToken };
    await api.call("startChat", 201, { body: { message: "About my invoice" }, headers: bearer });
    await api.call("listChats", 200, { headers: bearer });
    await api.call("sendChatMessage", 201, { params: { chatId: guest.chat.id }, body: { body: "Hello?" }, headers: token });
    await api.call("listChatMessages", 200, { params: { chatId: guest.chat.id }, headers: token });
    await api.call("listChatMessages", 404, { params: { chatId: guest.chat.id } });
    await api.firstEvent("streamChatEvents", { params: { chatId: guest.chat.id }, headers: token });
    // Attachments: a contact's screenshot on a reply, a guest's file in their chat.
    await api.call("readAttachmentRules", 200);
    const octets = (extra: Record<string, string> = {}) => ({ "content-type": "application/octet-stream", ...extra });
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");
    const shot = await api.call<{ attachment: { id: string } }>("uploadAttachment", 201, { query: { name: "shot.png" }, body: png, headers: octets(bearer) });
    await api.call("uploadAttachment", 415, { query: { name: "page.png" }, body: Buffer.from("<!doctype html><script>alert(1)</script>"), headers: octets(bearer) });
    await api.call("uploadAttachment", 422, { query: { name: "cut.png" }, body: png.subarray(0, 40), headers: octets(bearer) });
    await api.call("uploadAttachment", 415, { query: { name: "x.txt" }, body: "x", headers: { ...bearer, "content-type": "text/plain" } });
    await api.call("addTicketComment", 201, { params: { ticketId: ticket.id }, body: { attachmentIds: [shot.attachment.id] }, headers: bearer });
    await api.call("downloadAttachment", 200, { params: { attachmentId: shot.attachment.id }, headers: bearer });
    await api.call("downloadAttachmentThumbnail", 200, { params: { attachmentId: shot.attachment.id }, headers: bearer });
    await api.call("downloadAttachment", 404, { params: { attachmentId: shot.attachment.id } });
    const log = await api.call<{ attachment: { id: string } }>("uploadAttachment", 201, { query: { name: "console.log" }, body: Buffer.from("TypeError: x is undefined\n"), headers: octets() });
    await api.call("sendChatMessage", 201, { params: { chatId: guest.chat.id }, body: { body: "", attachmentIds: [log.attachment.id] }, headers: token });
    await api.call("downloadAttachment", 200, { params: { attachmentId: log.attachment.id }, headers: token });
    await api.call("downloadAttachmentThumbnail", 404, { params: { attachmentId: log.attachment.id }, headers: token });

    // Guest continuity: the contact's browser brings a guest chat sent with their email (linked at once),
    // and guest tickets, which wait for the person's word whatever email was typed; a spent token is gone.
    const theirs = await api.call<{ chat: { id: string }; visitorToken: string }>("startChat", 201, { body: { name: "Guest", email, message: "Signing in soon" } });
    const receipt = await api.call<{ ticket: { id: string }; guestToken: string }>("createTicket", 201, { body: { name: "Guest", email, subject: "Sent as a guest", description: "Before signing in." } });
    const elsewhere = await api.call<{ ticket: { id: string }; guestToken: string }>("createTicket", 201, {
      body: { name: "Guest", email: `other-${randomUUID().slice(0, 8)}@example.com`, subject: "Typed another email", description: "Oops." },
    });
    const continued = await api.call<{ chats: Array<{ outcome: string }>; tickets: Array<{ outcome: string }> }>("continueGuestVisit", 200, {
      body: {
        chats: [{ chatId: theirs.chat.id, token: theirs.visitorToken }],
        tickets: [
          { ticketId: receipt.ticket.id, token: receipt.guestToken },
          { ticketId: elsewhere.ticket.id, token: elsewhere.guestToken },
        ],
      },
      headers: bearer,
    });
    expect([...continued.chats, ...continued.tickets].map((item) => item.outcome)).toEqual(["linked", "needs_confirmation", "needs_confirmation"]);
    await api.call("continueGuestVisit", 401, { body: { chats: [], tickets: [] } });
    await api.call("continueGuestVisit", 400, { body: { chats: [{ chatId: theirs.chat.id, token: "short" }] }, headers: bearer });
    await api.call("linkGuestItem", 200, { body: { kind: "ticket", id: elsewhere.ticket.id, token: elsewhere.guestToken, confirm: true }, headers: bearer });
    const spent = await api.call<Refusal>("linkGuestItem", 410, { body: { kind: "chat", id: theirs.chat.id, token: theirs.visitorToken, confirm: true }, headers: bearer });
    expect(spent.error.code).toBe("GUEST_LINK_GONE");

    await e2eDatabase().chatSession.update({ where: { id: guest.chat.id }, data: { status: "ended" } });
    await api.call("sendChatMessage", 409, { params: { chatId: guest.chat.id }, body: { body: "Still there?" }, headers: token });
    await api.firstEvent("streamChatEvents", { params: { chatId: guest.chat.id }, headers: token }, "ended");

    // Satisfaction: a closed ticket and an ended chat are rated, and changed once.
    const early = await api.call<Refusal>("rateTicket", 409, { params: { ticketId: ticket.id }, body: { score: "good" }, headers: bearer });
    expect(early.error.code).toBe("NOT_YET_RATABLE");
    await api.call("changeTicket", 200, { params: { ticketId: ticket.id }, body: { status: "closed" }, headers: bearer });
    await api.call("readTicketRating", 200, { params: { ticketId: ticket.number }, headers: bearer });
    await api.call("rateTicket", 200, { params: { ticketId: ticket.id }, body: { score: "okay", comment: "Took two days" }, headers: bearer });
    await api.call("rateTicket", 200, { params: { ticketId: ticket.id }, body: { score: "good" }, headers: bearer });
    const again = await api.call<Refusal>("rateTicket", 409, { params: { ticketId: ticket.id }, body: { score: "bad" }, headers: bearer });
    expect(again.error.code).toBe("RATING_FINAL");
    await api.call("rateTicket", 400, { params: { ticketId: ticket.id }, body: { score: "5" }, headers: bearer });
    await api.call("rateTicket", 401, { params: { ticketId: ticket.id }, body: { score: "bad" } });
    await api.call("rateChat", 200, { params: { chatId: guest.chat.id }, body: { score: "good", comment: "Quick" }, headers: token });
    await api.call("readChatRating", 200, { params: { chatId: guest.chat.id }, headers: token });
    await api.call("readChatRating", 404, { params: { chatId: guest.chat.id } });

    // Logging out ends the session.
    await api.call("logOut", 204, { headers: bearer });
    await api.call("readSession", 401, { headers: bearer });

    const missing = api.operationIds.filter((operationId) => !(api.answered.get(operationId) ?? []).some((status) => status < 300));
    expect(missing, "operations of the document that no call here got a success from").toEqual([]);
    await desk.dispose();
  });
});
