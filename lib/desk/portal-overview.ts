import "server-only";
import { db } from "@/lib/shared/db";

/** What the Desk simulator's front page shows: each add-on with its live keys, and the data it holds. */
export async function getPortalOverview() {
  const [addons, counts] = await Promise.all([
    db.asapAddon.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        authMode: true,
        newFlowEnabled: true,
        legacyFlowEnabled: true,
        origins: { select: { origin: true }, orderBy: { origin: "asc" } },
        keys: {
          where: { revokedAt: null },
          select: { kid: true, fingerprint: true, createdAt: true, expiresAt: true },
          orderBy: { createdAt: "desc" },
        },
      },
    }),
    Promise.all([db.article.count(), db.ticket.count(), db.communityPost.count(), db.agent.count()]),
  ]);
  const [articles, tickets, posts, agents] = counts;
  return { addons, totals: { articles, tickets, posts, agents } };
}
