import { TICKET_PRIORITIES, type TicketPriority } from "@/lib/contract/vocabulary";
import { el, type Child } from "../dom";

/** Renders a view that loads data: a loading state first, then the content or the error. */
export function loading<T extends HTMLElement>(container: T, load: () => Promise<Node>): T {
  container.replaceChildren(el("p", { class: "muted", "aria-busy": "true", text: "Loading…" }));
  load().then(
    (node) => container.replaceChildren(node),
    (error: unknown) => container.replaceChildren(el("div", { class: "error", role: "alert" }, [el("p", { text: messageOf(error) })])),
  );
  return container;
}

function messageOf(error: unknown): string {
  return (error instanceof Error && error.message) || "Something went wrong.";
}

/** A form that sends its fields as strings; the promise's string (if any) becomes its status line. */
export function form(fields: Child[], submitLabel: string, onSubmit: (data: Record<string, string>) => Promise<unknown>): HTMLFormElement {
  const status = el("p", { class: "form-status", role: "status" });
  const button = el("button", { type: "submit", class: "primary", text: submitLabel });
  const node = el("form", { class: "stack", novalidate: "true" }, [...fields, button, status]);
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    const data: Record<string, string> = {};
    new FormData(node).forEach((value, key) => {
      data[key] = String(value);
    });
    button.disabled = true;
    status.textContent = "Sending…";
    status.setAttribute("class", "form-status");
    onSubmit(data)
      .then((message) => {
        status.textContent = typeof message === "string" ? message : "";
      })
      .catch((error: unknown) => {
        status.textContent = messageOf(error);
        status.setAttribute("class", "form-status failed");
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return node;
}

type FieldOptions = { multiline?: boolean; rows?: number; max?: number; type?: string; value?: string };

export function field(label: string, name: string, options: FieldOptions = {}): HTMLDivElement {
  const id = `f-${name}-${Math.random().toString(36).slice(2, 7)}`;
  const input = options.multiline
    ? el("textarea", { id, name, rows: String(options.rows ?? 4), maxlength: String(options.max ?? 10000) })
    : el("input", { id, name, type: options.type ?? "text", maxlength: String(options.max ?? 200) });
  if (options.value) input.value = options.value;
  return el("div", { class: "field" }, [el("label", { for: id, text: label }), input]);
}

export function select(label: string, name: string, choices: Array<[string, string]>, value: string): HTMLDivElement {
  const id = `s-${name}`;
  const node = el(
    "select",
    { id, name },
    choices.map(([choice, text]) => {
      const option = el("option", { value: choice, text });
      if (choice === value) option.selected = true;
      return option;
    }),
  );
  return el("div", { class: "field" }, [el("label", { for: id, text: label }), node]);
}

const PRIORITY: Record<TicketPriority, string> = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };
export const PRIORITIES: Array<[TicketPriority, string]> = TICKET_PRIORITIES.map((priority) => [priority, PRIORITY[priority]]);

export function signInNote(what: string): HTMLParagraphElement {
  return el("p", { class: "note", text: `Sign in to your account on this site to ${what}.` });
}
