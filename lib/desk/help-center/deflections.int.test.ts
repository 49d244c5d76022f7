import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { guestCaller, refusal } from "@/test/integration/callers";
import { countTicketsAvoided, recordDeflection } from "./deflections";
import { submitTicket } from "./tickets";

async function twoArticles() {
  const slug = `deflect-${randomUUID().slice(0, 8)}`;
  const category = await db.category.create({ data: { slug, name: slug, description: "For tests" }, select: { id: true } });
  const make = (n: number) => db.article.create({ data: { slug: `${slug}-${n}`, title: `Answer ${n}`, summary: "s", body: "b", categoryId: category.id }, select: { id: true, slug: true } });
  return Promise.all([make(1), make(2)]);
}
const newKey = () => randomUUID().replaceAll("-", "");

describe("deflection: suggested articles opened from the ticket form", () => {
  it("counts a visit that opened suggestions and sent no ticket as one ticket avoided, until it sends one", async () => {
    const before = await countTicketsAvoided();
    const [first, second] = await twoArticles();
    const key = newKey();
    await recordDeflection({ key, articleId: first.id }, "203.0.113.40");
    await recordDeflection({ key, articleId: second.slug }, "203.0.113.40"); // by slug, as the widget may
    await recordDeflection({ key, articleId: first.id }, "203.0.113.40"); // opened again: still one row
    expect(await db.deflection.count({ where: { key } })).toBe(2);
    expect(await countTicketsAvoided()).toEqual({ avoided: before.avoided + 1, suggestionsOpened: before.suggestionsOpened + 2 });

    const { status } = await submitTicket(guestCaller(), { subject: "Still stuck", description: "The article did not help", priority: "medium", name: "Guest", email: `g-${key}@example.com`, deflectionKey: key }, null);
    expect(status).toBe(201);
    expect(await countTicketsAvoided()).toEqual({ avoided: before.avoided, suggestionsOpened: before.suggestionsOpened + 2 });
  });

  it("refuses an article that does not exist", async () => {
    expect((await refusal(recordDeflection({ key: newKey(), articleId: "no-such-article" }, "203.0.113.41"))).code).toBe("NOT_FOUND");
  });
});
