import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTENT_REVISION_MIGRATION, tablesLosingTriggers } from "./content-revision-triggers";

const migration = (name: string) => readFileSync(`prisma/migrations/${name}/migration.sql`, "utf8");

describe("tablesLosingTriggers", () => {
  it("names a triggered table a SQLite migration rebuilds, as Prisma wrote one for Category", () => {
    expect(tablesLosingTriggers(migration("20261202051156_category_updated_at"))).toEqual(["Category"]);
  });

  it("names none for a migration that rebuilds neither, the triggers' own included", () => {
    expect(tablesLosingTriggers(readFileSync(CONTENT_REVISION_MIGRATION, "utf8"))).toEqual([]);
    expect(tablesLosingTriggers(migration("20261202111339_satisfaction_rating"))).toEqual([]);
  });
});
