import { z } from "zod";
import { ATTACHMENT_TYPES } from "@/lib/contract/attachments";
import { attachmentRulesAnswer, uploadAnswer, uploadQuery } from "@/lib/contract/desk-api/attachments";
import { articleAnswer, articleListAnswer, articleListQuery, categoriesAnswer, contentVersionAnswer, feedbackAnswer, feedbackBody } from "@/lib/contract/desk-api/articles";
import { chat, chatEventsQuery, chatListAnswer, chatMessage, messageBody, messagesAnswer, newChatAnswer, newMessageAnswer, startChatBody } from "@/lib/contract/desk-api/chat";
import {
  followAnswer,
  likeAnswer,
  newPostAnswer,
  newPostBody,
  newReplyAnswer,
  postAnswer,
  postListAnswer,
  postListQuery,
  replyBody,
  topicsAnswer,
} from "@/lib/contract/desk-api/community";
import type { DeskErrorCode } from "@/lib/contract/desk-api/error-answer";
import { loginAnswer, loginBody, sessionAnswer } from "@/lib/contract/desk-api/session";
import {
  anonymousTicketBody,
  commentBody,
  commentsAnswer,
  contactTicketBody,
  idempotencyKey,
  newCommentAnswer,
  newTicketAnswer,
  ticketAnswer,
  ticketChangesBody,
  ticketListAnswer,
  ticketListQuery,
  ticketThreadAnswer,
} from "@/lib/contract/desk-api/tickets";
import { CHAT_TOKEN_HEADER, ENDED_EVENT, IDEMPOTENCY_KEY_HEADER, LAST_EVENT_ID_HEADER, MESSAGE_EVENT } from "@/lib/contract/desk-api/wire";
import { deflectionBody } from "@/lib/contract/desk-api/deflections";
import { ratingAnswer, ratingBody } from "@/lib/contract/desk-api/satisfaction";
import { continuityAnswer, continuityBody, linkGuestAnswer, linkGuestBody } from "@/lib/contract/desk-api/continuity";

/**
 * Every operation of the Desk API, in one table: the OpenAPI document (./document) is built from it,
 * and a test holds it to the route handlers under app/desk/api/asap/v1. The schemas are the ones the
 * routes parse with and answer in (lib/contract/desk-api); the error answers follow from each row
 * (./document: `errorCodes`), with `errors` adding the codes only the operation's own work raises.
 */

/** none: the bearer is not read. optional: a guest, or a contact by their bearer (a bad one is refused). */
export type Auth = "none" | "optional" | "required";

export type Answer =
  | { status: 200 | 201; schema: z.ZodType }
  | { status: 204 }
  /** A file's bytes, as one of these media types. */
  | { status: 200; files: readonly string[] }
  /** Server-Sent Events, each event's data one `events` (as JSON). */
  | { status: 200; events: Readonly<Record<string, z.ZodType>> };

export type Operation = {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Below DESK_API_PATH; `{name}` is the route's folder `[name]`, described in PATH_PARAMETERS. */
  path: string;
  tag: "Session" | "Articles" | "Tickets" | "Community" | "Chat" | "Attachments" | "Continuity";
  summary: string;
  auth: Auth;
  query?: z.ZodObject;
  /** A JSON body; with two schemas, the caller decides which (see the summary). */
  body?: z.ZodType | readonly [z.ZodType, z.ZodType];
  /** The body is a file's bytes (application/octet-stream), checked as attachments are. */
  upload?: true;
  headers?: ReadonlyArray<keyof typeof HEADERS>;
  answer: Answer;
  errors?: readonly DeskErrorCode[];
};

export const PATH_PARAMETERS: Record<string, { description: string; schema: z.ZodType }> = {
  articleId: { description: "The article's id; reading it also takes its slug.", schema: z.string() },
  ticketId: { description: "The ticket's id, or its number.", schema: z.string() },
  postId: { description: "The post's id.", schema: z.string() },
  chatId: { description: "The chat's id.", schema: z.string() },
  attachmentId: { description: "The attachment's id, from its upload's answer.", schema: z.string() },
};

export const HEADERS = {
  idempotencyKey: {
    name: IDEMPOTENCY_KEY_HEADER,
    description: "Makes the create safe to retry: the same key and body answer with the first result; another body is 422.",
    schema: idempotencyKey,
  },
  chatToken: { name: CHAT_TOKEN_HEADER, description: "A guest's proof that the chat is theirs: the visitorToken from the answer that started it.", schema: z.string() },
  lastEventId: { name: LAST_EVENT_ID_HEADER, description: "Resume after this message id (as an EventSource sends it on reconnecting).", schema: z.string() },
} as const;

const LOGIN_ERRORS = [
  "TOKEN_TOO_LARGE",
  "TOKEN_MALFORMED",
  "ALG_NOT_ALLOWED",
  "KEY_NOT_FOUND",
  "KEY_REVOKED",
  "SIGNATURE_INVALID",
  "CLAIM_MISSING",
  "CLAIM_INVALID",
  "EMAIL_NOT_VERIFIED",
  "VALIDITY_TOO_LONG",
  "TOKEN_NOT_YET_VALID",
  "TOKEN_EXPIRED",
  "TOKEN_REPLAYED",
  "ADDON_NOT_FOUND",
  "JWT_NOT_ENABLED",
  "FLOW_NOT_ENABLED",
  "ORIGIN_NOT_ALLOWED",
  "JWKS_FETCH_FAILED",
  "LEGACY_ENDPOINT_FAILED",
  "RATE_LIMITED",
] as const satisfies readonly DeskErrorCode[];

const ok = (schema: z.ZodType): Answer => ({ status: 200, schema });
const created = (schema: z.ZodType): Answer => ({ status: 201, schema });

export const OPERATIONS: readonly Operation[] = [
  // Logging in (DESIGN §3).
  { operationId: "logIn", method: "post", path: "login", tag: "Session", summary: "Log in with the add-on and a JWT (token) or a legacy user token", auth: "none", body: loginBody, answer: ok(loginAnswer), errors: LOGIN_ERRORS },
  { operationId: "readSession", method: "get", path: "session", tag: "Session", summary: "Who the bearer is, and until when", auth: "required", answer: ok(sessionAnswer) },
  { operationId: "logOut", method: "post", path: "logout", tag: "Session", summary: "End the bearer's session; repeating it is harmless", auth: "required", answer: { status: 204 } },

  // The knowledge base.
  { operationId: "listCategories", method: "get", path: "categories", tag: "Articles", summary: "The categories, with their article counts", auth: "none", answer: ok(categoriesAnswer) },
  { operationId: "listArticles", method: "get", path: "articles", tag: "Articles", summary: "Articles: with q ranked by relevance, otherwise the most read first", auth: "none", query: articleListQuery, answer: ok(articleListAnswer) },
  { operationId: "readArticle", method: "get", path: "articles/{articleId}", tag: "Articles", summary: "One article, by id or slug (public and cacheable: counts no view)", auth: "none", answer: ok(articleAnswer) },
  { operationId: "countArticleView", method: "post", path: "articles/{articleId}/views", tag: "Articles", summary: "Someone read the article: one more view", auth: "none", answer: { status: 204 } },
  { operationId: "readContentVersion", method: "get", path: "content-version", tag: "Articles", summary: "A version of the help content that changes with every edit: caches of help pages compare it", auth: "none", answer: ok(contentVersionAnswer) },
  { operationId: "openSuggestedArticle", method: "post", path: "deflections", tag: "Articles", summary: "The ticket form's suggested article was opened (deflection); a ticket sent later names the same key", auth: "none", body: deflectionBody, answer: { status: 204 }, errors: ["NOT_FOUND", "RATE_LIMITED"] },
  { operationId: "rateArticle", method: "post", path: "articles/{articleId}/feedback", tag: "Articles", summary: "Was it helpful? A signed-in contact has one vote, which a second changes", auth: "optional", body: feedbackBody, answer: ok(feedbackAnswer) },

  // Tickets: anyone submits; a contact reads and changes their own.
  {
    operationId: "createTicket",
    method: "post",
    path: "tickets",
    tag: "Tickets",
    summary: "Submit a ticket: a contact sends NewTicket; a guest NewGuestTicket, with name and email, and gets a guestToken receipt",
    auth: "optional",
    headers: ["idempotencyKey"],
    body: [contactTicketBody, anonymousTicketBody],
    answer: created(newTicketAnswer),
    errors: ["RATE_LIMITED"],
  },
  { operationId: "listTickets", method: "get", path: "tickets", tag: "Tickets", summary: "The contact's own tickets, the latest changed first", auth: "required", query: ticketListQuery, answer: ok(ticketListAnswer) },
  { operationId: "readTicket", method: "get", path: "tickets/{ticketId}", tag: "Tickets", summary: "An own ticket with its public thread", auth: "required", answer: ok(ticketThreadAnswer) },
  { operationId: "changeTicket", method: "patch", path: "tickets/{ticketId}", tag: "Tickets", summary: "Edit an own ticket's subject, description or priority; close or reopen it", auth: "required", body: ticketChangesBody, answer: ok(ticketAnswer) },
  { operationId: "listTicketComments", method: "get", path: "tickets/{ticketId}/comments", tag: "Tickets", summary: "An own ticket's public thread", auth: "required", answer: ok(commentsAnswer) },
  { operationId: "addTicketComment", method: "post", path: "tickets/{ticketId}/comments", tag: "Tickets", summary: "Reply on an own ticket", auth: "required", headers: ["idempotencyKey"], body: commentBody, answer: created(newCommentAnswer) },
  { operationId: "readTicketRating", method: "get", path: "tickets/{ticketId}/rating", tag: "Tickets", summary: "An own ticket's satisfaction rating, and whether it may be given or changed now", auth: "required", answer: ok(ratingAnswer) },
  {
    operationId: "rateTicket",
    method: "put",
    path: "tickets/{ticketId}/rating",
    tag: "Tickets",
    summary: "Rate an own closed ticket, or change the rating once; the same rating again changes nothing",
    auth: "required",
    body: ratingBody,
    answer: ok(ratingAnswer),
    errors: ["NOT_YET_RATABLE", "RATING_FINAL"],
  },

  // The community: anyone reads; contacts write.
  { operationId: "listTopics", method: "get", path: "community/topics", tag: "Community", summary: "The community's topics, with their post counts", auth: "none", answer: ok(topicsAnswer) },
  { operationId: "listPosts", method: "get", path: "community/posts", tag: "Community", summary: "Posts, the newest first", auth: "optional", query: postListQuery, answer: ok(postListAnswer) },
  { operationId: "createPost", method: "post", path: "community/posts", tag: "Community", summary: "Post a question, idea or discussion; its author follows it", auth: "required", body: newPostBody, answer: created(newPostAnswer) },
  { operationId: "readPost", method: "get", path: "community/posts/{postId}", tag: "Community", summary: "A post with its replies", auth: "optional", answer: ok(postAnswer) },
  { operationId: "replyToPost", method: "post", path: "community/posts/{postId}/replies", tag: "Community", summary: "Reply to a post", auth: "required", body: replyBody, answer: created(newReplyAnswer) },
  { operationId: "likePost", method: "post", path: "community/posts/{postId}/like", tag: "Community", summary: "Like a post; repeating it is harmless", auth: "required", answer: ok(likeAnswer) },
  { operationId: "unlikePost", method: "delete", path: "community/posts/{postId}/like", tag: "Community", summary: "Take a like back", auth: "required", answer: ok(likeAnswer) },
  { operationId: "followPost", method: "post", path: "community/posts/{postId}/follow", tag: "Community", summary: "Follow a post; repeating it is harmless", auth: "required", answer: ok(followAnswer) },
  { operationId: "unfollowPost", method: "delete", path: "community/posts/{postId}/follow", tag: "Community", summary: "Stop following a post", auth: "required", answer: ok(followAnswer) },

  // Live chat: a guest's chat is theirs by its visitorToken, a contact's by their session.
  { operationId: "startChat", method: "post", path: "chat/sessions", tag: "Chat", summary: "Start a chat; a guest gives a name and gets a visitorToken", auth: "optional", body: startChatBody, answer: created(newChatAnswer), errors: ["RATE_LIMITED"] },
  { operationId: "listChats", method: "get", path: "chat/sessions", tag: "Chat", summary: "The contact's chat history", auth: "required", answer: ok(chatListAnswer) },
  { operationId: "listChatMessages", method: "get", path: "chat/sessions/{chatId}/messages", tag: "Chat", summary: "A chat's messages, oldest first", auth: "optional", headers: ["chatToken"], answer: ok(messagesAnswer) },
  {
    operationId: "sendChatMessage",
    method: "post",
    path: "chat/sessions/{chatId}/messages",
    tag: "Chat",
    summary: "The visitor's next message; an ended chat takes none (CONFLICT)",
    auth: "optional",
    headers: ["chatToken"],
    body: messageBody,
    answer: created(newMessageAnswer),
    errors: ["RATE_LIMITED", "CONFLICT"],
  },
  { operationId: "readChatRating", method: "get", path: "chat/sessions/{chatId}/rating", tag: "Chat", summary: "The chat's satisfaction rating, and whether it may be given or changed now", auth: "optional", headers: ["chatToken"], answer: ok(ratingAnswer) },
  {
    operationId: "rateChat",
    method: "put",
    path: "chat/sessions/{chatId}/rating",
    tag: "Chat",
    summary: "Rate an ended chat, or change the rating once; the same rating again changes nothing",
    auth: "optional",
    headers: ["chatToken"],
    body: ratingBody,
    answer: ok(ratingAnswer),
    errors: ["NOT_YET_RATABLE", "RATING_FINAL"],
  },
  {
    operationId: "streamChatEvents",
    method: "get",
    path: "chat/sessions/{chatId}/events",
    tag: "Chat",
    summary: "The chat's messages as Server-Sent Events, live, then an ended event once an agent ends the chat; a contact's stream ends with their session",
    auth: "optional",
    headers: ["chatToken", "lastEventId"],
    query: chatEventsQuery,
    answer: { status: 200, events: { [MESSAGE_EVENT]: chatMessage, [ENDED_EVENT]: chat } },
    errors: ["RATE_LIMITED"],
  },

  // Guest continuity: what a browser did as a guest joins the account it signs in to.
  {
    operationId: "continueGuestVisit",
    method: "post",
    path: "continuity",
    tag: "Continuity",
    summary: "Bring a guest visit's chat and ticket tokens: each is linked (the guest's email was the contact's), needs confirmation, or is gone",
    auth: "required",
    body: continuityBody,
    answer: ok(continuityAnswer),
  },
  {
    operationId: "linkGuestItem",
    method: "post",
    path: "continuity/link",
    tag: "Continuity",
    summary: "Link one guest chat or ticket the person confirmed, though the guest's email was not theirs",
    auth: "required",
    body: linkGuestBody,
    answer: ok(linkGuestAnswer),
    errors: ["GUEST_LINK_GONE"],
  },

  // Attachments: upload first, then name the id in the ticket's, comment's or chat message's attachmentIds.
  {
    operationId: "uploadAttachment",
    method: "post",
    path: "attachments",
    tag: "Attachments",
    summary: "Upload one file (its bytes as application/octet-stream; the name in ?name=); pending until a message names its id",
    auth: "optional",
    query: uploadQuery,
    upload: true,
    answer: created(uploadAnswer),
    errors: ["RATE_LIMITED"],
  },
  { operationId: "readAttachmentRules", method: "get", path: "attachments/rules", tag: "Attachments", summary: "The size limit, files per message, and the allowed types", auth: "none", answer: ok(attachmentRulesAnswer) },
  {
    operationId: "downloadAttachment",
    method: "get",
    path: "attachments/{attachmentId}",
    tag: "Attachments",
    summary: "The file, to whoever may read what carries it (a guest sends the chat's token); images inline, anything else as a download",
    auth: "optional",
    headers: ["chatToken"],
    answer: { status: 200, files: ATTACHMENT_TYPES },
  },
  {
    operationId: "downloadAttachmentThumbnail",
    method: "get",
    path: "attachments/{attachmentId}/thumbnail",
    tag: "Attachments",
    summary: "An image's thumbnail (WebP, at most 320 px a side), to the same readers",
    auth: "optional",
    headers: ["chatToken"],
    answer: { status: 200, files: ["image/webp"] },
  },
];
