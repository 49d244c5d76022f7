"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ConsoleError, type ConsoleErrorCode } from "@/lib/desk/console/errors";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { fieldErrors, type FieldErrors } from "@/lib/shared/field-errors";
import { articleDraftSchema, type ArticleDraft } from "./article-draft";
import { createArticle, saveArticle, type Publication } from "./authoring";

/**
 * The console's article forms: check the agent, parse (zod), one write from ./authoring, revalidate.
 * A refusal keeps what was typed (`values`: React resets a form after its action) and says why,
 * beside the field it concerns when there is one; `code` is the refusal's stable code.
 */
export type ArticleFormState = {
  ok?: boolean;
  message?: string;
  code?: ConsoleErrorCode;
  fields?: FieldErrors<ArticleDraft>;
  values?: Record<string, string>;
};

const DRAFT_FIELDS = ["title", "slug", "summary", "categoryId", "body"] as const;

function typed(form: FormData): Record<string, string> {
  return Object.fromEntries(DRAFT_FIELDS.map((name) => [name, String(form.get(name) ?? "")]));
}

/** The Desk's refusal, in the form's words: a taken slug and a vanished category belong to their fields. */
function refused(error: ConsoleError, values: Record<string, string>): ArticleFormState {
  const words = `${error.message} ${error.hint}`;
  if (error.code === "ARTICLE_SLUG_TAKEN") return { code: error.code, fields: { slug: words }, values };
  if (error.code === "VALIDATION_FAILED") return { code: error.code, fields: { categoryId: words }, values };
  return { code: error.code, message: words, values };
}

async function attempt<T>(write: Promise<T>): Promise<{ done: T } | { refusal: ConsoleError }> {
  try {
    return { done: await write };
  } catch (error) {
    if (error instanceof ConsoleError) return { refusal: error };
    throw error;
  }
}

export async function createArticleAction(_previous: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const agent = await requireAgent();
  const values = typed(form);
  const parsed = articleDraftSchema.safeParse(values);
  if (!parsed.success) return { code: "VALIDATION_FAILED", fields: fieldErrors(parsed.error), values };
  const outcome = await attempt(createArticle(agent, parsed.data));
  if ("refusal" in outcome) return refused(outcome.refusal, values);
  revalidatePath("/desk/agent/articles");
  redirect(`/desk/agent/articles/${outcome.done.id}`);
}

const saveSchema = z.object({
  version: z.coerce.number().int().min(1),
  // The button pressed: Save, Publish or Unpublish. Publishing saves the form's edits too.
  intent: z.enum(["save", "publish", "unpublish"]),
});

const PUBLICATION: Record<z.infer<typeof saveSchema>["intent"], Publication> = { save: "keep", publish: "publish", unpublish: "unpublish" };
const DONE: Record<Publication, string> = {
  keep: "Saved.",
  publish: "Published: it is on the help center now.",
  unpublish: "Unpublished: it is a draft again, gone from the help center.",
};

export async function saveArticleAction(articleId: string, _previous: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const agent = await requireAgent();
  const values = typed(form);
  const how = saveSchema.safeParse({ version: form.get("version"), intent: form.get("intent") ?? "save" });
  if (!how.success) return { code: "VALIDATION_FAILED", message: "The form was incomplete: reload the page and try again.", values };
  const parsed = articleDraftSchema.safeParse(values);
  if (!parsed.success) return { code: "VALIDATION_FAILED", fields: fieldErrors(parsed.error), values };
  const publication = PUBLICATION[how.data.intent];
  const outcome = await attempt(saveArticle(agent, articleId, how.data.version, parsed.data, publication));
  if ("refusal" in outcome) return refused(outcome.refusal, values);
  revalidatePath("/desk/agent/articles");
  revalidatePath(`/desk/agent/articles/${articleId}`);
  return { ok: true, message: outcome.done.version === how.data.version ? "Nothing to save: no changes." : DONE[publication] };
}
