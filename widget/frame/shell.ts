/** The frame's fixed shell (header, who is signed in, the error or notice) around the current view. */
import { el } from "./dom";
import { signedIn, statusLine, visibleNotice, type SessionState } from "./session";
import type { Views } from "./views";

export function createShell(options: { title: string; onClose(): void; views: Views }) {
  const { views } = options;
  const who = el("p", { class: "who", role: "status" });
  const problem = el("div");
  const viewHost = el("div", { class: "view-host" });
  let shownContact: string | null = null;

  document.body.replaceChildren(
    el("main", {}, [
      el("header", {}, [
        el("h1", { text: options.title }),
        el("button", { type: "button", class: "close", "aria-label": "Close help", onclick: options.onClose }, [el("span", { "aria-hidden": "true", text: "×" })]),
      ]),
      who,
      problem,
      viewHost,
    ]),
  );

  function renderView() {
    viewHost.replaceChildren(views.render());
  }

  function render(state: SessionState) {
    who.textContent = statusLine(state);
    problem.replaceChildren();
    const notice = visibleNotice(state);
    if (notice !== null) {
      problem.appendChild(el("div", { class: "notice", role: "status", "aria-label": "Why you are a guest" }, [el("p", { text: notice })]));
    }
    if (state.error) {
      problem.appendChild(
        el("div", { class: "error", role: "alert" }, [
          el("p", { class: "error-title", text: "We could not sign you in to help" }),
          el("p", { text: state.error.message }),
          state.error.hint ? el("p", { class: "hint", text: state.error.hint }) : null,
          el("p", { class: "code", text: `Error code: ${state.error.code}` }),
        ]),
      );
    }
    // The views change only when the person does, so a status update never wipes what someone is
    // typing. A guest who signs in keeps their place; a new person (or nobody) starts afresh.
    const contact = state.contact?.email ?? null;
    const changed = contact !== shownContact || !viewHost.firstChild;
    if (changed) {
      if (shownContact !== null && contact !== shownContact) views.reset();
      shownContact = contact;
      renderView();
    }
    // Asked on every update, answered once per person: a check that failed (a saved session the Desk
    // no longer knows) is tried again once the fresh session arrives.
    if (contact !== null && signedIn(state)) views.signedIn(contact);
  }

  return { render, renderView };
}
