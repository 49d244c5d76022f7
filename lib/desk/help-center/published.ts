/**
 * What the help center shows: published articles only. A draft (publishedAt null) is seen in the
 * agent console and nowhere else: not in the Desk API's reads, searches, counts, views, votes or
 * deflections, so nobody can even learn that it exists. The content revision's triggers (migration
 * 20261203080816_content_revision) say the same in SQL: a draft's edits move no cache.
 */
export const PUBLISHED = { publishedAt: { not: null } } as const;
