/**
 * What the help center shows: published articles only. A draft (publishedAt null) is seen in the
 * agent console and nowhere else: not in the Desk API's reads, searches, counts, views, votes or
 * deflections, so nobody can even learn that it exists. read-cache.ts's stamp says the same in SQL.
 */
export const PUBLISHED = { publishedAt: { not: null } } as const;
