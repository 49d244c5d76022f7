import { describe, expect, it } from "vitest";
import { continuityBody, linkGuestBody } from "@/lib/contract/desk-api/continuity";
import { chatSignedInNotice, sameEmail, ticketLinkedNote } from "./notes";

describe("continuity's words", () => {
  it("compares emails without regard to case, and never matches a missing one", () => {
    expect(sameEmail("Ada@Example.com", "ada@example.com")).toBe(true);
    expect(sameEmail(null, "ada@example.com")).toBe(false);
    expect(sameEmail("b@x.com", "ada@example.com")).toBe(false);
  });

  it("tells agents and the visitor who signed in and what the guest had typed", () => {
    expect(chatSignedInNotice("ada@example.com", "b@x.com")).toBe("Signed in as ada@example.com (verified). Earlier messages were sent as a guest who typed b@x.com.");
    expect(chatSignedInNotice("ada@example.com", null)).toBe("Signed in as ada@example.com (verified). Earlier messages were sent as a guest who gave no email.");
    expect(ticketLinkedNote("ada@example.com", "b@x.com", true)).toMatch(/^Moved to ada@example.com .* after the person confirmed\. The guest had typed b@x.com\.$/);
  });
});

describe("continuity's requests", () => {
  const token = "A".repeat(43);
  it("takes bounded, distinct lists of well-formed tokens, both optional", () => {
    expect(continuityBody.parse({})).toEqual({ chats: [], tickets: [] });
    expect(continuityBody.safeParse({ chats: Array.from({ length: 6 }, (_, i) => ({ chatId: `c${i}`, token })) }).success).toBe(false);
    expect(continuityBody.safeParse({ tickets: Array.from({ length: 21 }, (_, i) => ({ ticketId: `t${i}`, token })) }).success).toBe(false);
    expect(continuityBody.safeParse({ tickets: [{ ticketId: "t", token }, { ticketId: "t", token }] }).success).toBe(false);
    expect(continuityBody.safeParse({ chats: [{ chatId: "c", token: "short" }] }).success).toBe(false);
  });

  it("links one item only with confirm: true", () => {
    expect(linkGuestBody.safeParse({ kind: "chat", id: "c", token, confirm: true }).success).toBe(true);
    expect(linkGuestBody.safeParse({ kind: "chat", id: "c", token, confirm: false }).success).toBe(false);
    expect(linkGuestBody.safeParse({ kind: "contact", id: "c", token, confirm: true }).success).toBe(false);
  });
});
