import "server-only";
import type { Prisma } from "@prisma/client";
import { recordAudit } from "@/lib/desk/audit";
import { ConsoleError } from "@/lib/desk/console/errors";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { transaction } from "@/lib/shared/transaction";
import type { ArticleDraft } from "./article-draft";
import { describeChanges, describeCreation, type ArticleChange, type ArticleSnapshot } from "./article-changes";

/**
 * Agents' writes to the knowledge base. Each change and its audit entries commit together, and
 * each raises the article's version: a save names the version it was based on and is refused
 * (ARTICLE_EDIT_CONFLICT) if another agent saved since, so nobody's edit is silently overwritten.
 * The help center sees a change on its next read, on any instance: the content stamp the Desk's
 * read cache, its search index and the site's page cache follow is moved by it
 * (lib/desk/help-center/read-cache.ts).
 */

/** Save as it is, or also put on (take off) the help center. */
export type Publication = "keep" | "publish" | "unpublish";

type Tx = Prisma.TransactionClient;

const target = (articleId: string) => `article:${articleId}`;

const noSuchArticle = () => new ConsoleError("NOT_FOUND", "There is no such article.", "It may have been removed: go back to the list of articles.");

/** A category's name, or a refusal the form shows beside its category field. */
async function categoryOf(tx: Tx, categoryId: string): Promise<{ id: string; name: string }> {
  const category = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true, name: true } });
  if (!category) throw new ConsoleError("VALIDATION_FAILED", "That category no longer exists.", "Choose another category.");
  return category;
}

/**
 * The help center reads an article by id or slug (`articles/{id|slug}`), so a slug may be neither
 * another article's slug nor another article's id. The unique index is the last word on slugs (a
 * save racing this check fails there, and slugTaken says so too).
 */
async function assertSlugFree(tx: Tx, slug: string, articleId?: string): Promise<void> {
  const other = await tx.article.findFirst({ where: { OR: [{ slug }, { id: slug }], ...(articleId ? { NOT: { id: articleId } } : {}) }, select: { id: true } });
  if (other) throw slugTaken(slug);
}

const slugTaken = (slug: string) =>
  new ConsoleError("ARTICLE_SLUG_TAKEN", `Another article already uses the slug “${slug}”.`, "Choose another slug: it is the article's address on the help center.");

/** Who saved last, for a refusal that says whose work the agent would have overwritten. */
async function editConflict(tx: Tx, articleId: string): Promise<ConsoleError> {
  const last = await tx.auditEvent.findFirst({
    where: { target: target(articleId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actor: { select: { name: true } } },
  });
  const who = last?.actor?.name ?? "Another agent";
  return new ConsoleError(
    "ARTICLE_EDIT_CONFLICT",
    `${who} saved this article after you opened it, so nothing was saved.`,
    "Copy your changes, reload the page to see theirs, then apply yours again.",
  );
}

async function audit(tx: Tx, agent: PortalAgent, articleId: string, changes: ArticleChange[]): Promise<void> {
  for (const change of changes) await recordAudit(tx, { actorId: agent.id, target: target(articleId), ...change });
}

/** Unique-slug races end as the same refusal as the check before them. */
async function guardSlug<T>(slug: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw isUniqueViolation(error) ? slugTaken(slug) : error;
  }
}

/** A new article, as a draft: nobody outside the console sees it until it is published. */
export async function createArticle(agent: PortalAgent, draft: ArticleDraft): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const category = await categoryOf(tx, draft.categoryId);
    await assertSlugFree(tx, draft.slug);
    const article = await guardSlug(draft.slug, tx.article.create({ data: { ...draft, publishedAt: null }, select: { id: true } }));
    await audit(tx, agent, article.id, [describeCreation({ ...draft, category, published: false })]);
    return article;
  });
}

/**
 * Saves the agent's draft over version `basedOn`, and publishes or unpublishes it. A save that
 * changes nothing writes nothing. Returns the version now stored.
 */
export async function saveArticle(agent: PortalAgent, articleId: string, basedOn: number, draft: ArticleDraft, publication: Publication): Promise<{ version: number }> {
  return transaction(async (tx) => {
    const stored = await tx.article.findUnique({
      where: { id: articleId },
      select: { title: true, slug: true, summary: true, body: true, publishedAt: true, version: true, category: { select: { id: true, name: true } } },
    });
    if (!stored) throw noSuchArticle();
    if (stored.version !== basedOn) throw await editConflict(tx, articleId);

    const published = publication === "keep" ? stored.publishedAt !== null : publication === "publish";
    const before: ArticleSnapshot = { ...stored, published: stored.publishedAt !== null };
    const after: ArticleSnapshot = { ...draft, category: await categoryOf(tx, draft.categoryId), published };
    const changes = describeChanges(before, after);
    if (changes.length === 0) return { version: stored.version };
    if (after.slug !== before.slug) await assertSlugFree(tx, draft.slug, articleId);

    // Still `basedOn`, or another instance's save got in between the read above and this write.
    const { count } = await guardSlug(
      draft.slug,
      tx.article.updateMany({
        where: { id: articleId, version: basedOn },
        data: { ...draft, publishedAt: published ? (stored.publishedAt ?? new Date()) : null, version: { increment: 1 } },
      }),
    );
    if (count === 0) throw await editConflict(tx, articleId);
    await audit(tx, agent, articleId, changes);
    return { version: basedOn + 1 };
  });
}
