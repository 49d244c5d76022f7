import { describe, expect, it } from "vitest";
import { redirectOldHelpAddress } from "./old-addresses";

const target = (address: string) => redirectOldHelpAddress(new URL(address))?.headers.get("location");

describe("redirectOldHelpAddress", () => {
  it("moves a search and a category to their own pages, and drops the old query", () => {
    expect(target("https://site.test/help?q=%20custom%20domain%20")).toBe("https://site.test/help/search?q=custom+domain");
    expect(target("https://site.test/help?category=billing&utm=x")).toBe("https://site.test/help/categories/billing");
    expect(redirectOldHelpAddress(new URL("https://site.test/help?q=x"))?.status).toBe(308);
  });

  it("sends a hostile or empty query to /help itself, and leaves other paths alone", () => {
    expect(target("https://site.test/help?category=../../desk")).toBe("https://site.test/help");
    expect(target("https://site.test/help?q=%20")).toBe("https://site.test/help");
    expect(target("https://site.test/help?q=" + "a".repeat(500))).toBe(`https://site.test/help/search?q=${"a".repeat(200)}`);
    expect(redirectOldHelpAddress(new URL("https://site.test/dashboard?q=x"))).toBeUndefined();
  });
});
