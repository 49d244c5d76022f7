import type { HelpApi } from "../desk-api";
import type { GuestVisitStore } from "../guest-visit";

/** A view pushed over a tab's own view (the Back button pops it). */
export type View =
  | { kind: "article"; id: string }
  | { kind: "category"; slug: string; name: string }
  | { kind: "ticket"; number: number }
  | { kind: "new-ticket" }
  | { kind: "post"; id: string }
  | { kind: "new-post" };

/** What the views get from the frame (the session) and from their host (navigation). */
export type ViewContext = {
  /** The add-on's greeting for Home, if it has one. */
  greeting: string | null;
  api: HelpApi;
  signedIn(): boolean;
  /** The signed-in person's email (null for a guest): whose kept chat may be shown. */
  contactEmail(): string | null;
  /** What this browser keeps of a guest's visit: the chat's token, tickets' receipts. */
  visit: GuestVisitStore;
  /** The signed-in person's bearer, for the requests the API helper does not make (the chat stream). */
  bearer(): string | null;
  /** Each attachment's size limit, for the early check (the frame's config). */
  attachmentMaxBytes: number;
  rerender(): void;
  /** Opens `view` over the current one. */
  go(view: View): void;
  /** Replaces the whole stack of views, e.g. with what was just created. */
  show(views: View[]): void;
};
