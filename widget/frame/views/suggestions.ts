import type { ArticleListAnswer, ArticleSummary } from "@/lib/contract/desk-api/articles";
import type { DeflectionBody } from "@/lib/contract/desk-api/deflections";
import { el, newKey } from "../dom";
import { articleView } from "./articles";
import type { ViewContext } from "./context";

const MIN_QUERY = 3;
const TYPING_PAUSE_MS = 350;
export const SUGGESTIONS_LABEL = "Articles that may answer this";

/**
 * Deflection: while the ticket form's subject is typed, up to three matching articles are offered
 * at the foot of the form (../views/tickets.ts says why there). Opening one shows it in place (the form keeps what was typed) and tells the Desk, under
 * this form visit's key; the ticket, if sent after all, names the same key (`deflectionKey`), so
 * the Desk counts only visits that sent none as tickets avoided.
 */
export function ticketSuggestions(ctx: ViewContext, subject: HTMLInputElement) {
  let key = newKey();
  let asked = 0; // only the newest search's answer is shown
  let timer: ReturnType<typeof setTimeout> | undefined;
  const node = el("section", { class: "suggestions", "aria-label": SUGGESTIONS_LABEL, "aria-live": "polite" });

  const clear = () => node.replaceChildren();
  const open = (article: ArticleSummary, shown: HTMLElement) => {
    const body: DeflectionBody = { key, articleId: article.id };
    ctx.api<null>("deflections", { method: "POST", body }).catch(() => {}); // a count: no reader's concern if it fails
    const back = el("button", { type: "button", text: "Back to my ticket", onclick: () => node.replaceChildren(shown) });
    node.replaceChildren(el("div", { class: "stack suggestion-open" }, [articleView(ctx, article.id), back]));
    back.focus();
  };
  const show = (articles: ArticleSummary[]) => {
    if (!articles.length) return clear();
    const list = el("ul", { class: "list" });
    const shown = el("div", { class: "stack" }, [el("p", { class: "muted", text: "These articles may answer it:" }), list]);
    list.replaceChildren(
      ...articles.map((article) =>
        el("li", {}, [
          el("button", { type: "button", class: "row", onclick: () => open(article, shown) }, [
            el("span", { class: "row-title", text: article.title }),
            el("span", { class: "row-sub", text: article.summary }),
          ]),
        ]),
      ),
    );
    node.replaceChildren(shown);
  };

  subject.addEventListener("input", () => {
    clearTimeout(timer);
    const q = subject.value.trim();
    if (q.length < MIN_QUERY) {
      asked++;
      return clear();
    }
    timer = setTimeout(() => {
      const ticket = ++asked;
      ctx.api<ArticleListAnswer>(`articles?q=${encodeURIComponent(q.slice(0, 200))}&pageSize=3`).then(
        (answer) => ticket === asked && show(answer.articles),
        () => ticket === asked && clear(),
      );
    }, TYPING_PAUSE_MS);
  });

  return {
    node,
    /** The key a ticket sent from this form names. */
    key: () => key,
    /** The ticket was sent: a new visit starts, with nothing offered. */
    sent() {
      key = newKey();
      asked++;
      clear();
    },
  };
}
