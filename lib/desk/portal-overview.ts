import "server-only";
import { db } from "@/lib/shared/db";

/** The help-center data the Desk holds, for the portal's front page. */
export async function getDeskTotals() {
  const [articles, tickets, posts, agents] = await Promise.all([db.article.count(), db.ticket.count(), db.communityPost.count(), db.agent.count()]);
  return { articles, tickets, posts, agents };
}
