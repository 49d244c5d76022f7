// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import type { RatingAnswer } from "@/lib/contract/desk-api/satisfaction";
import type { HelpApi } from "../desk-api";
import type { ViewContext } from "./context";
import { ratingPanel } from "./rating";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const given = (score: string, changeable: boolean, comment: string | null = null): RatingAnswer => ({
  rating: { score: score as "good", comment, createdAt: "2026-01-01T00:00:00.000Z", changedAt: changeable ? null : "2026-01-02T00:00:00.000Z", changeable },
  ratable: changeable,
});

function panelWith(answers: Array<RatingAnswer | Error>) {
  const api = vi.fn(async () => {
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  });
  const ctx = { api: api as unknown as HelpApi } as ViewContext;
  const panel = ratingPanel(ctx, { path: "tickets/7", what: "ticket", auth: true });
  document.body.replaceChildren(panel);
  return { panel, api };
}

const radio = (panel: HTMLElement, label: string) =>
  Array.from(panel.querySelectorAll<HTMLInputElement>("input[type=radio]")).find((input) => input.parentElement?.textContent === label);
const submit = (panel: HTMLElement) => panel.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
const statusText = (panel: HTMLElement) => Array.from(panel.querySelectorAll("[role=status]"), (node) => node.textContent).join(" ");

describe("the widget's rating panel", () => {
  it("offers three labelled choices in a group and an optional comment, and asks for a choice before sending", async () => {
    const { panel, api } = panelWith([{ rating: null, ratable: true }]);
    await settle();
    expect(panel.querySelector("fieldset legend")?.textContent).toBe("How did we do?");
    expect(["Good", "Okay", "Bad"].map((label) => radio(panel, label)?.name)).toEqual(["score", "score", "score"]);
    expect(panel.querySelector("textarea")?.maxLength).toBe(1000);
    submit(panel);
    await settle();
    expect(statusText(panel)).toContain("Choose Good, Okay or Bad.");
    expect(api).toHaveBeenCalledTimes(1);
  });

  it("sends the choice and comment, then shows the rating and that it may change once", async () => {
    const { panel, api } = panelWith([{ rating: null, ratable: true }, given("okay", true, "Slow")]);
    await settle();
    radio(panel, "Okay")!.checked = true;
    panel.querySelector("textarea")!.value = "Slow";
    submit(panel);
    await settle();
    await settle();
    expect(api).toHaveBeenLastCalledWith("tickets/7/rating", expect.objectContaining({ method: "PUT", body: { score: "okay", comment: "Slow" }, auth: true }));
    expect(panel.textContent).toContain("You rated this ticket: Okay.");
    expect(panel.textContent).toContain("You can change your rating once.");
    expect(panel.querySelector("details summary")?.textContent).toBe("Change my rating");
    expect(radio(panel, "Okay")?.checked).toBe(true); // the change form starts from the rating
    expect(statusText(panel)).toContain("Thank you for your rating.");
  });

  it("shows a final rating without a way to change it", async () => {
    const { panel } = panelWith([given("bad", false)]);
    await settle();
    expect(panel.textContent).toContain("Your rating is final.");
    expect(panel.querySelector("form")).toBeNull();
  });

  it("says the Desk's refusal in the form", async () => {
    const { panel } = panelWith([given("good", true), new Error("You have already changed your rating of this ticket once.")]);
    await settle();
    radio(panel, "Bad")!.checked = true;
    submit(panel);
    await settle();
    expect(statusText(panel)).toContain("You have already changed your rating of this ticket once.");
  });
});
