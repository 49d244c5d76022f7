/**
 * The widget's help-center views: Home, Articles, Tickets, Community, Chat, each a tab, with views
 * opened over them (an article, a ticket, a post…) on a stack that Back pops.
 */
import { el } from "../dom";
import { articles, articleView, categoryView, home } from "./articles";
import { createChat } from "./chat";
import { community, newPostView, postView } from "./community";
import type { View, ViewContext } from "./context";
import { createContinuity } from "./continuity";
import { newTicketView, ticketView, tickets } from "./tickets";

const TABS = [
  ["home", "Home"],
  ["articles", "Articles"],
  ["tickets", "Tickets"],
  ["community", "Community"],
  ["chat", "Chat"],
] as const;
type Tab = (typeof TABS)[number][0];

export type Views = {
  render(): HTMLElement;
  /** A different person now: back to Home, and nothing of the previous one's chat stays. */
  reset(): void;
  /** Someone is signed in: bring what this browser did as a guest to their account (./continuity). */
  signedIn(email: string): void;
};

export function createViews(host: Omit<ViewContext, "go" | "show">): Views {
  let tab: Tab = "home";
  let stack: View[] = [];
  const ctx: ViewContext = {
    ...host,
    go(view) {
      stack.push(view);
      host.rerender();
    },
    show(views) {
      stack = views;
      host.rerender();
    },
  };
  const chat = createChat(ctx);
  const continuity = createContinuity(ctx, chat.continuity);
  const tabViews: Record<Tab, () => HTMLElement> = {
    home: () => home(ctx),
    articles: () => articles(ctx),
    tickets: () => tickets(ctx),
    community: () => community(ctx),
    chat: chat.view,
  };

  function current(): HTMLElement {
    const top = stack.at(-1);
    if (!top) return tabViews[tab]();
    switch (top.kind) {
      case "article":
        return articleView(ctx, top.id);
      case "category":
        return categoryView(ctx, top);
      case "ticket":
        return ticketView(ctx, top.number);
      case "new-ticket":
        return newTicketView(ctx);
      case "post":
        return postView(ctx, top.id);
      case "new-post":
        return newPostView(ctx);
    }
  }

  function back() {
    stack.pop();
    host.rerender();
  }

  return {
    render() {
      const nav = el(
        "nav",
        { class: "tabs", "aria-label": "Help sections" },
        TABS.map(([name, label]) =>
          el("button", {
            type: "button",
            "aria-current": tab === name ? "page" : "false",
            text: label,
            onclick: () => {
              tab = name;
              stack = [];
              host.rerender();
            },
          }),
        ),
      );
      const backButton = stack.length ? el("button", { type: "button", class: "link back", onclick: back, text: "← Back" }) : null;
      return el("div", { class: "views" }, [nav, el("section", { class: "view" }, [continuity.node(), backButton, current()])]);
    },
    signedIn(email) {
      void continuity.signedIn(email);
    },
    reset() {
      continuity.reset();
      chat.reset();
      tab = "home";
      stack = [];
    },
  };
}
