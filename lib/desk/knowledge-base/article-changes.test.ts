import { describe, expect, it } from "vitest";
import { describeChanges, type ArticleSnapshot } from "./article-changes";

const billing = { id: "c1", name: "Billing" };
const before: ArticleSnapshot = { title: "Invoices", slug: "invoices", summary: "s", body: "b", category: billing, published: false };

describe("describeChanges", () => {
  it("says nothing of a save that changes nothing", () => {
    expect(describeChanges(before, { ...before })).toEqual([]);
  });

  it("names edited fields but never their text, except the slug's move", () => {
    const [edit] = describeChanges(before, { ...before, title: "Invoices in EUR", slug: "invoices-eur", body: "secret-ish new text" });
    expect(edit).toEqual({ action: "article.edit", detail: "Edited title, slug (invoices → invoices-eur), body" });
    expect(edit?.detail).not.toContain("secret-ish");
  });

  it("records a move between categories and a publication as entries of their own", () => {
    expect(describeChanges(before, { ...before, category: { id: "c2", name: "Deployments" }, published: true })).toEqual([
      { action: "article.recategorise", detail: "Moved from Billing to Deployments" },
      { action: "article.publish", detail: "Published on the help center" },
    ]);
    expect(describeChanges({ ...before, published: true }, before)).toEqual([{ action: "article.unpublish", detail: "Unpublished: now a draft" }]);
  });

  it("does not mistake a renamed category for a move: categories are compared by id", () => {
    expect(describeChanges(before, { ...before, category: { id: "c1", name: "Billing & plans" } })).toEqual([]);
  });
});
