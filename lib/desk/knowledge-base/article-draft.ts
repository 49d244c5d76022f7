import { z } from "zod";

/**
 * What an agent writes for an article, as the console's form sends it. No server code here: the form
 * imports the limits (for maxLength) and slugify (to show the slug a blank field will get).
 */
export const ARTICLE_LIMITS = {
  title: 200,
  slug: 80,
  summary: 300,
  // Within the renderer's MAX_RENDERED_INPUT, which cuts longer text: what is saved is what is shown.
  body: 20_000,
} as const;

/** Lower-case words joined by single hyphens: the address /help/articles/<slug>. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Add a custom domain (TLS)" → "add-a-custom-domain-tls"; accents are dropped, not lost as hyphens. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, ARTICLE_LIMITS.slug)
    .replace(/^-+|-+$/g, "");
}

const words = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `Give the article a ${field}.` })
    .max(max, { error: `Keep the ${field} under ${max + 1} characters.` });

export const articleDraftSchema = z
  .object({
    title: words("title", ARTICLE_LIMITS.title),
    // Blank: made from the title. Typed in capitals: lowered, since addresses are.
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(ARTICLE_LIMITS.slug, { error: `Keep the slug under ${ARTICLE_LIMITS.slug + 1} characters.` }),
    summary: words("summary", ARTICLE_LIMITS.summary),
    categoryId: z.string().min(1, { error: "Choose a category." }),
    // Not trimmed: leading spaces can mean code in markdown.
    body: z
      .string()
      .max(ARTICLE_LIMITS.body, { error: `Keep the body under ${ARTICLE_LIMITS.body + 1} characters.` })
      .refine((body) => body.trim().length > 0, { error: "Write the article's body." }),
  })
  .transform((draft) => ({ ...draft, slug: draft.slug || slugify(draft.title) }))
  .superRefine((draft, context) => {
    if (SLUG_PATTERN.test(draft.slug)) return;
    const message = draft.slug
      ? "Use lower-case letters, digits and single hyphens, e.g. add-a-custom-domain."
      : "Type a slug: the title has no letters or digits to make one from.";
    context.addIssue({ code: "custom", path: ["slug"], message });
  });

export type ArticleDraft = z.output<typeof articleDraftSchema>;
export type ArticleDraftField = keyof ArticleDraft;
