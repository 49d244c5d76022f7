import type { ArticleAnswer, ArticleListAnswer, ArticleSummary, CategoriesAnswer, FeedbackAnswer } from "@/lib/contract/desk-api/articles";
import { el, paragraphs } from "../dom";
import type { ViewContext } from "./context";
import { loading } from "./forms";

function articleList(ctx: ViewContext, articles: ArticleSummary[], empty: string): HTMLElement {
  if (!articles.length) return el("p", { class: "muted", text: empty });
  return el(
    "ul",
    { class: "list" },
    articles.map((article) =>
      el("li", {}, [
        el("button", { type: "button", class: "row", onclick: () => ctx.go({ kind: "article", id: article.id }) }, [
          el("span", { class: "row-title", text: article.title }),
          el("span", { class: "row-sub", text: article.summary }),
        ]),
      ]),
    ),
  );
}

export function home(ctx: ViewContext): HTMLElement {
  const results = el("div");
  const input = el("input", { id: "asap-search", name: "q", type: "search", placeholder: "Search help articles", maxlength: "200" });
  const search = el("form", { role: "search", class: "search" }, [
    el("label", { for: "asap-search", class: "sr-only", text: "Search help articles" }),
    input,
    el("button", { type: "submit", class: "primary", text: "Search" }),
  ]);
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    loading(results, async () => {
      const body = await ctx.api<ArticleListAnswer>(`articles?q=${encodeURIComponent(q)}`);
      return el("section", {}, [el("h3", { text: "Results" }), articleList(ctx, body.articles, "No article matches. Try other words, or submit a ticket.")]);
    });
  });
  loading(results, async () => {
    const body = await ctx.api<ArticleListAnswer>("articles?pageSize=5");
    return el("section", {}, [el("h3", { text: "Popular articles" }), articleList(ctx, body.articles, "No articles yet.")]);
  });
  const greeting = ctx.greeting ? el("p", { class: "greeting", text: ctx.greeting }) : null;
  return el("div", { class: "stack" }, [greeting, search, results]);
}

export function articles(ctx: ViewContext): HTMLElement {
  return loading(el("div"), async () => {
    const body = await ctx.api<CategoriesAnswer>("categories");
    return el(
      "ul",
      { class: "list" },
      body.categories.map((category) =>
        el("li", {}, [
          el("button", { type: "button", class: "row", onclick: () => ctx.go({ kind: "category", slug: category.slug, name: category.name }) }, [
            el("span", { class: "row-title", text: `${category.name} (${category.articleCount})` }),
            el("span", { class: "row-sub", text: category.description }),
          ]),
        ]),
      ),
    );
  });
}

export function categoryView(ctx: ViewContext, view: { slug: string; name: string }): HTMLElement {
  return loading(el("div"), async () => {
    const body = await ctx.api<ArticleListAnswer>(`articles?category=${encodeURIComponent(view.slug)}&pageSize=50`);
    return el("section", {}, [el("h2", { text: view.name }), articleList(ctx, body.articles, "No articles here yet.")]);
  });
}

export function articleView(ctx: ViewContext, id: string): HTMLElement {
  return loading(el("div"), async () => {
    const { article } = await ctx.api<ArticleAnswer>(`articles/${encodeURIComponent(id)}`);
    // Reading is cacheable and counts nothing: the view is said apart, and a failure to count it is no reader's concern.
    ctx.api<null>(`articles/${encodeURIComponent(article.id)}/views`, { method: "POST" }).catch(() => {});
    const thanks = el("p", { class: "muted", role: "status" });
    const vote = (helpful: boolean) => {
      ctx.api<FeedbackAnswer>(`articles/${article.id}/feedback`, { method: "POST", body: { helpful } }).then(() => {
        thanks.textContent = "Thanks for your feedback!";
      });
    };
    return el("article", { class: "stack" }, [
      el("h2", { text: article.title }),
      paragraphs(article.body),
      el("div", { class: "vote" }, [
        el("span", { text: "Was this helpful?" }),
        el("button", { type: "button", onclick: () => vote(true), text: "Yes" }),
        el("button", { type: "button", onclick: () => vote(false), text: "No" }),
      ]),
      thanks,
    ]);
  });
}
