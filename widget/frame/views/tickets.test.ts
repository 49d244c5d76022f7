// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import type { ViewContext } from "./context";
import { SUGGESTIONS_LABEL } from "./suggestions";
import { submitTicketForm } from "./tickets";

describe("the ticket form", () => {
  it("offers its article suggestions below the submit button, so their arrival never moves the button", () => {
    const ctx = { api: vi.fn(async () => ({ articles: [], total: 0, page: 1, pageSize: 3 })), signedIn: () => false, attachmentMaxBytes: 1024 } as unknown as ViewContext;
    const form = submitTicketForm(ctx);
    const button = form.querySelector('button[type="submit"]');
    const suggestions = form.querySelector(`section[aria-label="${SUGGESTIONS_LABEL}"]`);
    expect(button).not.toBeNull();
    expect(suggestions).not.toBeNull();
    expect(button!.compareDocumentPosition(suggestions!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
