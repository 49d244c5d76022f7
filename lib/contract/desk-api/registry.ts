import { z } from "zod";

/**
 * The Desk API's named shapes: the OpenAPI document (./openapi) lists them as its components, each
 * under the name of its TypeScript type (`ticketAnswer` is TicketAnswer; a request schema without a
 * type of its own, such as `commentBody`, CommentBody). Requests are documented as a client writes
 * them (zod's input side: a field with a default is optional), answers as the Desk writes them.
 */
export const requestShapes = z.registry<{ id: string }>();
export const answerShapes = z.registry<{ id: string }>();
