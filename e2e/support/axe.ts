import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe-core on the page (without the widget) or on the widget's frame: no serious or critical WCAG 2.1 AA violation. */
export async function expectNoSeriousViolations(page: Page, scope: "page" | "widget" = "page") {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (scope === "page" ? builder.exclude("#asap-frame") : builder.include("#asap-frame")).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}
