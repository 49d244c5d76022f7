// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleSummary } from "@/lib/contract/desk-api/articles";
import type { ViewContext } from "./context";
import { ticketSuggestions } from "./suggestions";

const summary = (id: string, title: string): ArticleSummary => ({
  id,
  slug: id,
  title,
  summary: `About ${title}`,
  viewCount: 0,
  helpfulCount: 0,
  notHelpful: 0,
  updatedAt: "2026-01-01T00:00:00.000Z",
  category: { slug: "c", name: "C" },
});

function setup(answers: Record<string, ArticleSummary[]>) {
  const calls: Array<{ path: string; body?: unknown }> = [];
  const api = vi.fn(async (path: string, options: { body?: unknown } = {}) => {
    calls.push({ path, body: options.body });
    const q = new URL(path, "https://desk.test/").searchParams.get("q");
    if (q !== null) return { articles: answers[q] ?? [], total: 0, page: 1, pageSize: 3 };
    return null;
  });
  const ctx = { api } as unknown as ViewContext;
  const input = document.createElement("input");
  const suggestions = ticketSuggestions(ctx, input);
  const type = async (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(400);
  };
  const titles = () => Array.from(suggestions.node.querySelectorAll(".row-title")).map((node) => node.textContent);
  return { suggestions, calls, type, titles };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ticketSuggestions", () => {
  it("searches once the typing pauses, from three characters, and shows what matched", async () => {
    const { calls, type, titles } = setup({ "custom domain": [summary("a1", "Add a custom domain")] });
    await type("cu");
    expect(calls).toEqual([]);
    await type("custom domain");
    expect(calls.map((c) => c.path)).toEqual(["articles?q=custom%20domain&pageSize=3"]);
    expect(titles()).toEqual(["Add a custom domain"]);
    await type("no");
    expect(titles()).toEqual([]);
  });

  it("tells the Desk which suggestion was opened, under this visit's key, and a new key once a ticket is sent", async () => {
    const { suggestions, calls, type } = setup({ "custom domain": [summary("a1", "Add a custom domain")] });
    await type("custom domain");
    const key = suggestions.key();
    expect(key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    (suggestions.node.querySelector("button.row") as HTMLButtonElement).click();
    expect(calls.find((c) => c.path === "deflections")?.body).toEqual({ key, articleId: "a1" });
    suggestions.sent();
    expect(suggestions.key()).not.toBe(key);
    expect(suggestions.node.childElementCount).toBe(0);
  });
});
