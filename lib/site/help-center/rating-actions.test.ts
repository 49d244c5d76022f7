import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SiteUser } from "@/lib/site/users";
import { currentUser } from "@/lib/site/current-user";
import { DeskApiError } from "./desk-api";
import { rateTicketAction } from "./rating-actions";
import { rateMyTicket } from "./ratings";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/shared/env", () => ({ env: {} }));
vi.mock("@/lib/site/auth", () => ({ auth: vi.fn() }));
vi.mock("@/lib/site/users", () => ({ findUserById: vi.fn() }));
vi.mock("@/lib/site/current-user", () => ({ currentUser: vi.fn() }));
vi.mock("./ratings", () => ({ rateMyTicket: vi.fn() }));

const USER: SiteUser = { id: "u1", email: "ada@example.com", name: "Ada", emailVerified: new Date(), createdAt: new Date() };

function form(fields: { score?: string; comment?: string; ticketNumber?: string }) {
  const data = new FormData();
  data.set("ticketNumber", fields.ticketNumber ?? "42");
  if (fields.score) data.set("score", fields.score);
  data.set("comment", fields.comment ?? "");
  return data;
}

const answer = (changedAt: string | null) => ({ rating: { score: "okay" as const, comment: null, createdAt: "2026-01-01T00:00:00.000Z", changedAt, changeable: !changedAt }, ratable: !changedAt });

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(currentUser).mockResolvedValue(USER);
  vi.mocked(rateMyTicket).mockResolvedValue(answer(null));
});

describe("rateTicketAction", () => {
  it("sends the rating as the signed-in user, refreshes the ticket's page and says thanks", async () => {
    const state = await rateTicketAction({}, form({ score: "okay", comment: " Slow but fine " }));
    expect(rateMyTicket).toHaveBeenCalledWith(USER, "42", { score: "okay", comment: "Slow but fine" });
    expect(revalidatePath).toHaveBeenCalledWith("/help/tickets/42");
    expect(state).toEqual({ sent: true, message: "Thank you for your rating." });
  });

  it("says when the rating was the one change", async () => {
    vi.mocked(rateMyTicket).mockResolvedValue(answer("2026-01-02T00:00:00.000Z"));
    expect(await rateTicketAction({}, form({ score: "good" }))).toEqual({ sent: true, message: "Your rating is changed." });
  });

  it("asks for a choice when none was made, and sends nothing", async () => {
    expect((await rateTicketAction({}, form({}))).message).toBe("Choose Good, Okay or Bad.");
    expect((await rateTicketAction({}, form({ score: "great" }))).message).toBe("Choose Good, Okay or Bad.");
    expect(rateMyTicket).not.toHaveBeenCalled();
  });

  it("says plainly that a second change is refused", async () => {
    vi.mocked(rateMyTicket).mockRejectedValue(new DeskApiError(409, "RATING_FINAL", "You have already changed your rating of this ticket once."));
    const state = await rateTicketAction({}, form({ score: "bad" }));
    expect(state).toEqual({ message: "You have already changed your rating once: it stays as it is." });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("re-checks the user, and refuses a ticket number that cannot be one", async () => {
    expect((await rateTicketAction({}, form({ score: "good", ticketNumber: "../admin" }))).message).toMatch(/out of date/);
    vi.mocked(currentUser).mockResolvedValue(null);
    expect((await rateTicketAction({}, form({ score: "good" }))).message).toMatch(/Sign in again/);
    expect(rateMyTicket).not.toHaveBeenCalled();
  });
});
