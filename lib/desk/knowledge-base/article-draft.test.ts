import { describe, expect, it } from "vitest";
import { MAX_RENDERED_INPUT } from "@/lib/shared/content/render-markdown";
import { ARTICLE_LIMITS, articleDraftSchema, slugify } from "./article-draft";

const draft = { title: "Add a custom domain", slug: "", summary: "Point DNS at us.", categoryId: "c1", body: "Step one." };
const errors = (input: Record<string, string>) => {
  const parsed = articleDraftSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("an article draft", () => {
  it("gets its slug from the title when the slug is left blank, and lower-cases a typed one", () => {
    expect(articleDraftSchema.parse(draft).slug).toBe("add-a-custom-domain");
    expect(articleDraftSchema.parse({ ...draft, slug: " Custom-Domains " }).slug).toBe("custom-domains");
  });

  it("makes slugs of lower-case words joined by single hyphens, without accents", () => {
    expect(slugify("Crème brûlée: 2 ways (fast!)")).toBe("creme-brulee-2-ways-fast");
    expect(slugify("  --Hello--  ")).toBe("hello");
    expect(slugify("x".repeat(200))).toHaveLength(ARTICLE_LIMITS.slug);
  });

  it.each(["has space", "double--hyphen", "-leading", "trailing-", "emoji-🙂", "under_score"])("refuses the slug %j, saying what a slug is", (slug) => {
    expect(errors({ ...draft, slug }).slug).toMatch(/lower-case letters, digits and single hyphens/);
  });

  it("asks for a slug when the title has nothing to make one from", () => {
    expect(errors({ ...draft, title: "!!!" }).slug).toMatch(/Type a slug/);
  });

  it("names each missing or overlong field in words", () => {
    expect(errors({ title: " ", slug: "", summary: "", categoryId: "", body: "  \n" })).toEqual({
      title: "Give the article a title.",
      summary: "Give the article a summary.",
      categoryId: "Choose a category.",
      body: "Write the article's body.",
    });
    expect(errors({ ...draft, body: "x".repeat(ARTICLE_LIMITS.body + 1) }).body).toMatch(/under 20001 characters/);
  });

  it("keeps the body as typed: leading spaces can be markdown", () => {
    expect(articleDraftSchema.parse({ ...draft, body: "    indented code\n" }).body).toBe("    indented code\n");
  });

  it("allows no body longer than the renderer renders, so what is saved is what is shown", () => {
    expect(ARTICLE_LIMITS.body).toBeLessThanOrEqual(MAX_RENDERED_INPUT);
  });
});
