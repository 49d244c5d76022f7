import type { RatingAnswer, SatisfactionRating } from "@/lib/contract/desk-api/satisfaction";
import { SATISFACTION_COMMENT_MAX, SATISFACTION_SCORES, type SatisfactionScore } from "@/lib/contract/vocabulary";
import { el } from "../dom";
import type { ViewContext } from "./context";
import { field, form, loading } from "./forms";

// The customer's words for the contract's scores: the compiler checks every score has one.
const SCORE: Record<SatisfactionScore, string> = { good: "Good", okay: "Okay", bad: "Bad" };
// A newer Desk may know a score this bundle does not: show its word rather than nothing.
const scoreName = (score: string) => SCORE[score as SatisfactionScore] ?? score;

/** What is rated: a closed ticket or an ended chat, and how the Desk knows it is this person's. */
export type RatingTarget = {
  /** The rated thing below the Desk API: `tickets/1042`, `chat/sessions/<id>`. */
  path: string;
  what: "ticket" | "chat";
  auth: boolean;
  /** A guest's chat token. */
  headers?: () => Record<string, string>;
};

/**
 * "How did we do?": three labelled radio buttons (native, so arrow keys move between them) and an
 * optional comment. Once given, the rating is shown with a way to change it, once; the panel redraws
 * itself only, so nothing typed elsewhere in the view is lost.
 */
export function ratingPanel(ctx: ViewContext, target: RatingTarget): HTMLElement {
  const panel = el("section", { class: "rating stack", "aria-label": `Your rating of this ${target.what}` });
  const request = { auth: target.auth, headers: target.headers?.() };
  const draw = (answer: RatingAnswer, said = "") => panel.replaceChildren(...ratingContent(answer, said, target, send));
  const send = async (score: string, comment: string, before: SatisfactionRating | null) => {
    const answer = await ctx.api<RatingAnswer>(`${target.path}/rating`, { ...request, method: "PUT", body: { score, comment } });
    draw(answer, before ? "Your rating is changed." : "Thank you for your rating.");
  };
  return loading(panel, async () => {
    const answer = await ctx.api<RatingAnswer>(`${target.path}/rating`, request);
    return el("div", { class: "stack" }, ratingContent(answer, "", target, send));
  });
}

type Send = (score: string, comment: string, before: SatisfactionRating | null) => Promise<void>;

export function ratingContent({ rating, ratable }: RatingAnswer, said: string, target: RatingTarget, send: Send): Node[] {
  const status = el("p", { class: "form-status", role: "status" });
  // Said once the region is on the page, so screen readers announce it.
  if (said) setTimeout(() => (status.textContent = said), 0);
  if (!rating) return ratable ? [el("h3", { text: `Rate this ${target.what}` }), ratingForm(rating, send), status] : [];
  const nodes: Node[] = [el("h3", { text: "Your rating" }), el("p", { text: `You rated this ${target.what}: ${scoreName(rating.score)}.` })];
  if (rating.comment) nodes.push(el("blockquote", { class: "text" }, [el("p", { text: rating.comment })]));
  nodes.push(el("p", { class: "muted", text: rating.changeable ? "You can change your rating once." : "Your rating is final." }));
  if (ratable) nodes.push(el("details", {}, [el("summary", { text: "Change my rating" }), ratingForm(rating, send)]));
  return [...nodes, status];
}

function ratingForm(current: SatisfactionRating | null, send: Send): HTMLFormElement {
  const scores = el("fieldset", { class: "scores" }, [
    el("legend", { text: "How did we do?" }),
    ...SATISFACTION_SCORES.map((score) => {
      const radio = el("input", { type: "radio", name: "score", value: score });
      if (current?.score === score) radio.checked = true;
      return el("label", {}, [radio, el("span", { text: SCORE[score] })]);
    }),
  ]);
  const comment = field("Comment (optional)", "comment", { multiline: true, rows: 2, max: SATISFACTION_COMMENT_MAX, value: current?.comment ?? "" });
  return form([scores, comment], current ? "Change rating" : "Send rating", async (data) => {
    if (typeof data.score !== "string") throw new Error("Choose Good, Okay or Bad.");
    await send(data.score, typeof data.comment === "string" ? data.comment : "", current);
  });
}
