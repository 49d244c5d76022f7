import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { articleListQuery, feedbackBody } from "./articles";
import { messageBody, startChatBody } from "./chat";
import { newPostBody, postListQuery, replyBody } from "./community";
import { uploadQuery } from "./attachments";
import { ratingBody } from "./satisfaction";
import { loginBody } from "./session";
import { anonymousTicketBody, commentBody, contactTicketBody, ticketChangesBody, ticketListQuery } from "./tickets";

/**
 * The Desk API's request rules, checked on the schemas themselves: every route parses its input with
 * these (the e2e API specs check one refusal per route family reaches the client as VALIDATION_FAILED).
 */
const refusal = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : result.error.issues.map((issue) => issue.message).join("; ");
};

const ticket = { subject: "Logs are late", description: "Since Monday." };

describe("ticket requests", () => {
  it.each([
    ["an empty subject", { ...ticket, subject: " " }, "subject is required"],
    ["a long subject", { ...ticket, subject: "s".repeat(201) }, "subject may be at most 200 characters"],
    ["a long description", { ...ticket, description: "d".repeat(10_001) }, "description may be at most 10000 characters"],
    ["an unknown priority", { ...ticket, priority: "asap" }, "priority must be low, medium, high or urgent"],
    ["a field it does not take", { ...ticket, status: "closed" }, "status"],
  ])("refuses %s, saying why", (_, input, message) => {
    expect(refusal(contactTicketBody, input)).toContain(message);
  });

  it("takes exactly the limit, trims, and gives medium priority by default", () => {
    expect(contactTicketBody.parse({ subject: ` ${"s".repeat(200)} `, description: "d".repeat(10_000) })).toEqual({
      subject: "s".repeat(200),
      description: "d".repeat(10_000),
      priority: "medium",
      attachmentIds: [],
    });
  });

  it("wants a guest's name and a real email, and keeps the email in lower case", () => {
    expect(refusal(anonymousTicketBody, ticket)).toContain("name is required");
    expect(refusal(anonymousTicketBody, { ...ticket, name: "Ada", email: "not-an-email" })).toContain("email must be a valid address");
    expect(anonymousTicketBody.parse({ ...ticket, name: "Ada", email: " Ada@Example.COM " }).email).toBe("ada@example.com");
  });

  it("refuses an empty change and a status only agents set", () => {
    expect(refusal(ticketChangesBody, {})).toContain("nothing to change");
    expect(refusal(ticketChangesBody, { status: "on_hold" })).toContain("status may only be set to open (reopen) or closed");
    expect(ticketChangesBody.parse({ status: "closed" })).toEqual({ status: "closed" });
  });

  it("refuses a long comment and an unknown status filter", () => {
    expect(refusal(commentBody, { body: "c".repeat(10_001) })).toContain("at most 10000 characters");
    expect(refusal(ticketListQuery, { status: "pending" })).not.toBeNull();
    expect(ticketListQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
  });
});

describe("community requests", () => {
  const post = { topic: "questions", type: "question", title: "How?", body: "Like this." };

  it("refuses announcements from members, a bad topic slug and long bodies", () => {
    expect(refusal(newPostBody, { ...post, type: "announcement" })).toContain("type must be question, idea or discussion");
    expect(refusal(newPostBody, { ...post, topic: "Not A Slug" })).toContain("topic must be a topic slug");
    expect(refusal(newPostBody, { ...post, body: "b".repeat(10_001) })).toContain("body may be at most 10000 characters");
    expect(refusal(replyBody, { body: "" })).toContain("body is required");
    expect(newPostBody.parse(post)).toEqual(post);
  });

  it("filters by any post type, announcements included", () => {
    expect(postListQuery.parse({ type: "announcement" }).type).toBe("announcement");
    expect(refusal(postListQuery, { type: "rant" })).not.toBeNull();
  });
});

describe("article requests", () => {
  it.each([["pageSize", "500"], ["page", "0"], ["q", "x".repeat(201)], ["category", "Not A Slug"]])("refuses %s=%s", (key, value) => {
    expect(refusal(articleListQuery, { [key]: value })).not.toBeNull();
  });

  it("reads paging from query strings, and a vote only as a boolean", () => {
    expect(articleListQuery.parse({ page: "2", pageSize: "5" })).toEqual({ page: 2, pageSize: 5 });
    expect(refusal(feedbackBody, { helpful: "yes" })).toContain("must be true or false");
  });
});

describe("chat requests", () => {
  it("wants a message within 4000 characters, and a name only if given", () => {
    expect(refusal(startChatBody, { name: "G" })).toContain("message is required");
    expect(refusal(startChatBody, { name: "G", message: "m".repeat(4001) })).toContain("message may be at most 4000 characters");
    expect(refusal(messageBody, { body: "  " })).toContain("message is required");
    expect(startChatBody.parse({ message: " Hi " })).toEqual({ message: "Hi" });
  });
});

describe("login requests", () => {
  it("takes a token or a user token, never both, and a page origin only as an origin", () => {
    expect(loginBody.parse({ addonId: "a1", token: "x.y.z" })).toEqual({ addonId: "a1", token: "x.y.z" });
    expect(loginBody.parse({ addonId: "a1", userToken: "u".repeat(32) })).toEqual({ addonId: "a1", userToken: "u".repeat(32) });
    expect(refusal(loginBody, { addonId: "a1", token: "x.y.z", userToken: "u".repeat(32) })).not.toBeNull();
    expect(refusal(loginBody, { addonId: "a1", userToken: "short" })).not.toBeNull();
    expect(refusal(loginBody, { addonId: "a1", token: "x.y.z", pageOrigin: "https://app.example.com/path" })).not.toBeNull();
    expect(loginBody.parse({ addonId: "a1", token: "x.y.z", pageOrigin: "https://app.example.com" }).pageOrigin).toBe("https://app.example.com");
  });
});

describe("attachments on tickets, replies and chat messages", () => {
  const id = (n: number) => `${"A".repeat(21)}${n}`;

  it("lets a reply or a chat message be a file alone, but never nothing at all", () => {
    expect(commentBody.parse({ attachmentIds: [id(1)] })).toEqual({ body: "", attachmentIds: [id(1)] });
    expect(messageBody.parse({ body: "  ", attachmentIds: [id(1)] })).toEqual({ body: "", attachmentIds: [id(1)] });
    expect(refusal(commentBody, { body: "  " })).toContain("body is required (or attach a file)");
    expect(refusal(messageBody, { attachmentIds: [] })).toContain("message is required (or attach a file)");
  });

  it("takes at most five, each once, each an upload's id", () => {
    expect(contactTicketBody.parse({ subject: "s", description: "d", attachmentIds: [1, 2, 3, 4, 5].map(id) }).attachmentIds).toHaveLength(5);
    expect(refusal(contactTicketBody, { subject: "s", description: "d", attachmentIds: [1, 2, 3, 4, 5, 6].map(id) })).toContain("at most 5 attachments per message");
    expect(refusal(commentBody, { body: "b", attachmentIds: [id(1), id(1)] })).toContain("an attachment is named twice");
    expect(refusal(messageBody, { body: "b", attachmentIds: ["../../etc/passwd"] })).toContain("attachment ids are 22 base64url characters");
  });

  it("names an upload's file, up to 255 characters", () => {
    expect(uploadQuery.parse({ name: " shot.png " }).name).toBe("shot.png");
    expect(refusal(uploadQuery, {})).toContain("name is required");
    expect(refusal(uploadQuery, { name: "n".repeat(256) })).toContain("name may be at most 255 characters");
  });
});

describe("satisfaction rating requests", () => {
  it.each([
    ["no score", { comment: "Nice" }, "score must be good, okay or bad"],
    ["a score off the scale", { score: "5" }, "score must be good, okay or bad"],
    ["a long comment", { score: "good", comment: "c".repeat(1001) }, "comment may be at most 1000 characters"],
    ["a field it does not take", { score: "good", changeCount: 0 }, "changeCount"],
  ])("refuses %s, saying why", (_, input, message) => {
    expect(refusal(ratingBody, input)).toContain(message);
  });

  it("takes a comment up to the limit, trimmed, and a blank or missing one as none", () => {
    expect(ratingBody.parse({ score: "okay", comment: ` ${"c".repeat(1000)} ` })).toEqual({ score: "okay", comment: "c".repeat(1000) });
    expect(ratingBody.parse({ score: "bad", comment: "   " })).toEqual({ score: "bad", comment: null });
    expect(ratingBody.parse({ score: "good" })).toEqual({ score: "good", comment: null });
  });
});
