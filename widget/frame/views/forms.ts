import { TICKET_PRIORITIES, type TicketPriority } from "@/lib/contract/vocabulary";
import { el, type Child } from "../dom";
import type { AttachmentField } from "./attachments";

/** Renders a view that loads data: a loading state first, then the content or the error. */
export function loading<T extends HTMLElement>(container: T, load: () => Promise<Node>): T {
  container.replaceChildren(el("p", { class: "muted", "aria-busy": "true", text: "Loading…" }));
  load().then(
    (node) => container.replaceChildren(node),
    (error: unknown) => container.replaceChildren(el("div", { class: "error", role: "alert" }, [el("p", { text: messageOf(error) })])),
  );
  return container;
}

export function messageOf(error: unknown): string {
  return (error instanceof Error && error.message) || "Something went wrong.";
}

/** What a form sends: its fields as strings, and `attachmentIds` when it has an attachment field. */
export type FormValues = Record<string, string | string[]>;

/**
 * A form that sends its fields as strings; the promise's string (if any) becomes its status line.
 * With `files`, it also sends their ids, takes pasted images, and starts empty again once sent.
 */
export function form(fields: Child[], submitLabel: string, onSubmit: (data: FormValues) => Promise<unknown>, files?: AttachmentField): HTMLFormElement {
  const status = el("p", { class: "form-status", role: "status" });
  const button = el("button", { type: "submit", class: "primary", text: submitLabel });
  const node = el("form", { class: "stack", novalidate: "true" }, [...fields, files?.node, button, status]);
  const say = (text: string, failed = false) => {
    status.textContent = text;
    status.setAttribute("class", failed ? "form-status failed" : "form-status");
  };
  if (files) node.addEventListener("paste", files.paste);
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    // Sent now, a file still on its way would be left out without a word.
    if (files?.busy()) return say("Wait for the files to finish uploading.", true);
    const data: FormValues = {};
    new FormData(node).forEach((value, key) => {
      data[key] = String(value);
    });
    if (files) data.attachmentIds = files.ids();
    button.disabled = true;
    say("Sending…");
    onSubmit(data)
      .then((message) => {
        files?.reset();
        say(typeof message === "string" ? message : "");
      })
      .catch((error: unknown) => say(messageOf(error), true))
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
