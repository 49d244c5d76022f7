"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { createArticleAction, saveArticleAction, type ArticleFormState } from "@/lib/desk/knowledge-base/actions";
import { ARTICLE_LIMITS, slugify } from "@/lib/desk/knowledge-base/article-draft";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonStyles, type ButtonVariant } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { TextField } from "@/components/ui/text-field";
import { ArticlePreview, useLivePreview } from "./article-preview";

export type EditableArticle = { id: string; title: string; slug: string; summary: string; body: string; categoryId: string; version: number; published: boolean };

type Props = {
  categories: Array<{ id: string; name: string }>;
  /** Absent: a new article. */
  article?: EditableArticle;
  /** The stored body, rendered on the server as the help center shows it. */
  initialPreview: ReactNode;
};

const FIELD = "block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:outline-none sm:text-sm";
const ringFor = (error?: string) => (error ? "ring-red-400 focus:ring-red-500" : "ring-slate-300 focus:ring-brand-600");

/** A submit button naming what it does (intent), showing progress only on the one pressed. */
function IntentButton({ intent, pendingLabel, variant, children }: { intent: string; pendingLabel: string; variant: ButtonVariant; children: ReactNode }) {
  const { pending, data } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} disabled={pending} aria-disabled={pending} className={buttonStyles(variant)}>
      {pending && data?.get("intent") === intent ? pendingLabel : children}
    </button>
  );
}

/**
 * The article form, with its live preview beside it. After a refused save the fields keep what was
 * typed (`state.values`: React resets a form to its defaults after the action); after a save they
 * show what is stored, as the page re-renders with it.
 */
export function ArticleEditor({ categories, article, initialPreview }: Props) {
  const action = article ? saveArticleAction.bind(null, article.id) : createArticleAction;
  const [state, formAction] = useActionState(action, {} as ArticleFormState);
  const fields = state.fields ?? {};
  const value = (name: keyof EditableArticle & string) => state.values?.[name] ?? String(article?.[name] ?? "");
  const [title, setTitle] = useState(value("title"));
  const [summary, setSummary] = useState(value("summary"));
  const [slugTyped, setSlugTyped] = useState(value("slug") !== "");
  const { preview, state: previewState, update } = useLivePreview(initialPreview);

  return (
    <form action={formAction} noValidate className="grid gap-8 lg:grid-cols-2">
      <div className="space-y-5">
        {state.ok && state.message ? (
          <p role="status" className="rounded-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-800">
            {state.message}
          </p>
        ) : null}
        {state.message && !state.ok ? (
          <ErrorAlert>
            {state.message}
            {state.code === "ARTICLE_EDIT_CONFLICT" ? (
              <>
                {" "}
                <a href="" className="font-medium underline">
                  Reload the article
                </a>
              </>
            ) : null}
          </ErrorAlert>
        ) : null}
        {Object.keys(fields).length ? <ErrorAlert>The article was not saved: see the fields below.</ErrorAlert> : null}
        {article ? <input type="hidden" name="version" value={article.version} /> : null}
        <TextField
          name="title"
          label="Title"
          required
          maxLength={ARTICLE_LIMITS.title}
          defaultValue={value("title")}
          onChange={(event) => setTitle(event.target.value)}
          error={fields.title}
        />
        <TextField
          name="slug"
          label="Slug"
          maxLength={ARTICLE_LIMITS.slug}
          defaultValue={value("slug")}
          onChange={(event) => setSlugTyped(event.target.value !== "")}
          placeholder={slugTyped ? undefined : slugify(title)}
          error={fields.slug}
          hint={article ? "The article's address: /help/articles/<slug>. Changing it changes the address." : "Leave it blank to make one from the title."}
        />
        <TextField
          name="summary"
          label="Summary"
          required
          maxLength={ARTICLE_LIMITS.summary}
          defaultValue={value("summary")}
          onChange={(event) => setSummary(event.target.value)}
          error={fields.summary}
          hint="One line, shown in lists and search results."
        />
        <div className="space-y-1.5">
          <label htmlFor="field-categoryId" className="block text-sm font-medium text-slate-800">
            Category
          </label>
          {/* React updates a select's default only when it mounts: a new key makes the default after a refusal the one typed. */}
          <select
            key={value("categoryId")}
            id="field-categoryId"
            name="categoryId"
            required
            defaultValue={value("categoryId")}
            aria-invalid={fields.categoryId ? true : undefined}
            aria-describedby={fields.categoryId ? "field-categoryId-error" : undefined}
            className={cn(FIELD, ringFor(fields.categoryId))}
          >
            {article ? null : <option value="">Choose a category</option>}
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
          {fields.categoryId ? (
            <p id="field-categoryId-error" className="text-sm text-red-600">
              {fields.categoryId}
            </p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="field-body" className="block text-sm font-medium text-slate-800">
            Body
          </label>
          <textarea
            id="field-body"
            name="body"
            rows={18}
            required
            maxLength={ARTICLE_LIMITS.body}
            defaultValue={value("body")}
            onChange={(event) => update(event.target.value)}
            aria-invalid={fields.body ? true : undefined}
            aria-describedby={fields.body ? "field-body-error" : "field-body-hint"}
            className={cn(FIELD, "font-mono", ringFor(fields.body))}
          />
          {fields.body ? (
            <p id="field-body-error" className="text-sm text-red-600">
              {fields.body}
            </p>
          ) : (
            <p id="field-body-hint" className="text-sm text-slate-500">
              Markdown: **bold**, *emphasis*, lists, `code`, [links](https://example.com) and headings. HTML is shown as text.
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-3">
          {article ? (
            <>
              <IntentButton intent="save" pendingLabel="Saving…" variant="primary">
                {article.published ? "Save" : "Save draft"}
              </IntentButton>
              {article.published ? (
                <IntentButton intent="unpublish" pendingLabel="Unpublishing…" variant="secondary">
                  Unpublish
                </IntentButton>
              ) : (
                <IntentButton intent="publish" pendingLabel="Publishing…" variant="secondary">
                  Publish
                </IntentButton>
              )}
            </>
          ) : (
            <IntentButton intent="save" pendingLabel="Creating…" variant="primary">
              Create draft
            </IntentButton>
          )}
        </div>
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <ArticlePreview title={title} summary={summary} preview={preview} state={previewState} />
      </div>
    </form>
  );
}
