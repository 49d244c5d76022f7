/**
 * What a save changed, as audit entries: one per kind of change, so the history reads "edited",
 * "moved", "published" rather than one line that mixes them. Entries name the fields that changed,
 * never their text (a body is long, and the article itself shows it), except the slug, whose change
 * moves the article's address.
 */
export type ArticleSnapshot = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  category: { id: string; name: string };
  published: boolean;
};

export type ArticleAuditAction = "article.create" | "article.edit" | "article.recategorise" | "article.publish" | "article.unpublish";
export type ArticleChange = { action: ArticleAuditAction; detail: string };

const EDITABLE = ["title", "slug", "summary", "body"] as const;

export function describeChanges(before: ArticleSnapshot, after: ArticleSnapshot): ArticleChange[] {
  const changes: ArticleChange[] = [];
  const edited = EDITABLE.filter((field) => before[field] !== after[field]).map((field) =>
    field === "slug" ? `slug (${before.slug} → ${after.slug})` : field,
  );
  if (edited.length) changes.push({ action: "article.edit", detail: `Edited ${edited.join(", ")}` });
  if (before.category.id !== after.category.id) {
    changes.push({ action: "article.recategorise", detail: `Moved from ${before.category.name} to ${after.category.name}` });
  }
  if (before.published !== after.published) {
    changes.push(after.published ? { action: "article.publish", detail: "Published on the help center" } : { action: "article.unpublish", detail: "Unpublished: now a draft" });
  }
  return changes;
}

export function describeCreation(draft: ArticleSnapshot): ArticleChange {
  return { action: "article.create", detail: `Created the draft “${draft.title}” in ${draft.category.name}` };
}
