import "server-only";
import type { RatingAnswer, RatingInput } from "@/lib/contract/desk-api/satisfaction";
import type { Jsonable } from "@/lib/contract/json";
import type { Caller } from "@/lib/desk/api/caller";
import { findOwnChat } from "@/lib/desk/help-center/chat";
import { ownTicket } from "@/lib/desk/help-center/tickets";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { isChangeable, isRatable, nextRatingStep } from "./rules";

/**
 * Satisfaction ratings as customers give them (./rules): a ticket's by its owner once it is closed, a
 * chat's by whoever holds it (the contact, or the guest's chat token) once it has ended. Anyone else's
 * ticket or chat is NOT_FOUND, as everywhere in the help-center API, so a rating reveals nothing.
 */

/** What is rated: a ticket or a chat, and whether it is finished (closed, ended). */
type Rated = { where: { ticketId: string } | { chatId: string }; finished: boolean; what: "ticket" | "chat" };

const ratingView = { score: true, comment: true, createdAt: true, changedAt: true, changeCount: true } as const;
type RatingRow = { score: string; comment: string | null; createdAt: Date; changedAt: Date | null; changeCount: number };

function toAnswer(rated: Rated, row: RatingRow | null): Jsonable<RatingAnswer> {
  const rating = row && { score: row.score, comment: row.comment, createdAt: row.createdAt, changedAt: row.changedAt, changeable: isChangeable(row) };
  return { rating, ratable: isRatable(rated.finished, row) };
}

async function myTicket(contactId: string, idOrNumber: string): Promise<Rated> {
  const ticket = await db.ticket.findFirst({ where: ownTicket(contactId, idOrNumber), select: { id: true, status: true } });
  if (!ticket) throw new AsapError("NOT_FOUND", "There is no such ticket.", "Check the ticket number.");
  return { where: { ticketId: ticket.id }, finished: ticket.status === "closed", what: "ticket" };
}

async function myChat(caller: Caller, chatId: string, visitorToken: string | null): Promise<Rated> {
  const chat = await findOwnChat(caller, chatId, visitorToken);
  return { where: { chatId: chat.id }, finished: chat.status === "ended", what: "chat" };
}

const readRating = (rated: Rated) => db.satisfactionRating.findUnique({ where: rated.where, select: ratingView });

async function read(rated: Rated) {
  return toAnswer(rated, await readRating(rated));
}

/**
 * Gives the rating, or makes its one change. The database decides races: the unique ticketId/chatId
 * lets only one first rating in (a second racing one then counts as the change), and the change is an
 * update conditional on the changeCount it read, which only one of two racing changes can match.
 */
async function give(rated: Rated, input: RatingInput, attempt = 1): Promise<Jsonable<RatingAnswer>> {
  if (!rated.finished) {
    const until = rated.what === "ticket" ? "Rate the ticket once it is closed." : "Rate the chat once it has ended.";
    throw new AsapError("NOT_YET_RATABLE", `This ${rated.what} cannot be rated yet.`, until);
  }
  const current = await readRating(rated);
  const step = nextRatingStep(current, input);
  if (step === "final") throw refusedChange(rated);
  if (step === "unchanged") return toAnswer(rated, current);
  if (!current) {
    try {
      return toAnswer(rated, await db.satisfactionRating.create({ data: { ...rated.where, ...input }, select: ratingView }));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 1) throw error;
      return give(rated, input, attempt + 1); // rated meanwhile: this one is the change, if still allowed
    }
  }
  const { count } = await db.satisfactionRating.updateMany({
    where: { ...rated.where, changeCount: current.changeCount },
    data: { ...input, changeCount: { increment: 1 }, changedAt: new Date() },
  });
  if (count === 0) throw refusedChange(rated); // another change got there first
  return read(rated);
}

const refusedChange = (rated: Rated) =>
  new AsapError("RATING_FINAL", `You have already changed your rating of this ${rated.what} once.`, "A rating can be changed only once; it stays as it is.");

export const readTicketRating = async (contactId: string, idOrNumber: string) => read(await myTicket(contactId, idOrNumber));

export const rateTicket = async (contactId: string, idOrNumber: string, input: RatingInput) => give(await myTicket(contactId, idOrNumber), input);

export const readChatRating = async (caller: Caller, chatId: string, visitorToken: string | null) => read(await myChat(caller, chatId, visitorToken));

export const rateChat = async (caller: Caller, chatId: string, visitorToken: string | null, input: RatingInput) => give(await myChat(caller, chatId, visitorToken), input);
