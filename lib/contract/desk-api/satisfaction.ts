import { z } from "zod";
import { SATISFACTION_COMMENT_MAX, SATISFACTION_SCORES } from "@/lib/contract/vocabulary";
import { isoDateTime } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * Satisfaction: `tickets/{id}/rating` (the owner's closed ticket) and `chat/sessions/{id}/rating`
 * (an ended chat, by whoever holds it). One rating each, with an optional comment; PUT gives it and
 * may change it once (RATING_FINAL after that). Sending the rating as it already is changes nothing.
 */
export const ratingBody = z
  .strictObject({
    score: z.enum(SATISFACTION_SCORES, { error: "score must be good, okay or bad" }),
    /** Left out, or blank: no comment. Refused (never cut) past its limit. */
    comment: z
      .string({ error: "comment must be text" })
      .trim()
      .max(SATISFACTION_COMMENT_MAX, { error: `comment may be at most ${SATISFACTION_COMMENT_MAX} characters` })
      .optional()
      .transform((comment) => comment || null),
  })
  .register(requestShapes, { id: "RatingBody" });
export type RatingInput = z.infer<typeof ratingBody>;

/** changeable: the one change is still to come; false once it is used. */
export const satisfactionRating = z
  .strictObject({
    score: z.enum(SATISFACTION_SCORES),
    comment: z.string().nullable(),
    createdAt: isoDateTime,
    changedAt: isoDateTime.nullable(),
    changeable: z.boolean(),
  })
  .register(answerShapes, { id: "SatisfactionRating" });
export type SatisfactionRating = z.infer<typeof satisfactionRating>;

/** rating null: not rated (yet). ratable: a rating may be given or changed now. */
export const ratingAnswer = z
  .strictObject({ rating: satisfactionRating.nullable(), ratable: z.boolean() })
  .register(answerShapes, { id: "RatingAnswer" });
export type RatingAnswer = z.infer<typeof ratingAnswer>;
