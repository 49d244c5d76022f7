import { describe, expect, it } from "vitest";
import { chatQuestion, sortOutcomes } from "./continuity";

const guest = { name: "Guest", email: "b@x.com" };

describe("guest continuity in the widget", () => {
  it("sorts the Desk's answer into what to link, forget and ask, keeping each item's token for the asking", () => {
    const outcome = sortOutcomes(
      {
        chats: [{ chatId: "c1", outcome: "needs_confirmation", guest }],
        tickets: [
          { ticketId: "t1", outcome: "linked", number: 7, subject: "A" },
          { ticketId: "t2", outcome: "gone" },
          { ticketId: "t3", outcome: "needs_confirmation", guest, number: 9, subject: "C" },
          { ticketId: "t4", outcome: "needs_confirmation", guest, number: 10, subject: "Not sent by us" },
        ],
      },
      { chat: new Map([["c1", "tok-c1"]]), tickets: new Map([["t1", "tok-1"], ["t2", "tok-2"], ["t3", "tok-3"]]) },
    );
    expect(outcome).toEqual({
      linkedChat: null,
      goneChats: [],
      pendingChat: { chatId: "c1", token: "tok-c1", guest },
      linkedTickets: ["t1"],
      goneTickets: ["t2"],
      // An item this browser holds no token for is never offered.
      pendingTickets: [{ ticketId: "t3", number: 9, subject: "C", guest, token: "tok-3" }],
    });
  });

  it("asks about a chat saying what the guest typed and who is signed in", () => {
    expect(chatQuestion(guest, "a@y.com")).toBe("You started a chat as b@x.com; you are signed in as a@y.com. Continue it as a@y.com?");
    expect(chatQuestion({ name: "Guest", email: null }, "a@y.com")).toContain("as a guest, without an email");
  });
});
