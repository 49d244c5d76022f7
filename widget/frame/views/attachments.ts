/**
 * Attachments in the frame: the field that uploads a form's files as they are picked or pasted, and
 * the list of a message's files. The Desk serves files only with the reader's credentials, which an
 * img or a link cannot send, so thumbnails and downloads are fetched and shown from blob: URLs.
 */
import { ACCEPTED_FILE_NAMES, ACCEPTED_KINDS_TEXT, formatBytes, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/contract/attachments";
import type { Attachment } from "@/lib/contract/desk-api/attachments";
import { pastedFiles, precheckFile, tooManyFiles, uploadFile, type UploadError, type UploadRules } from "@/lib/shared/browser/upload-file";
import { attachmentsUrl, attachmentUrl, fetchBlob } from "../desk-api";
import { el } from "../dom";
import type { ViewContext } from "./context";
import { messageOf } from "./forms";

export type Upload = (file: File, options: { onProgress(fraction: number): void; signal: AbortSignal }) => Promise<Attachment>;

export type AttachmentField = {
  node: HTMLElement;
  /** The uploaded files' ids, for the message's `attachmentIds`. */
  ids(): string[];
  /** A file is still uploading. */
  busy(): boolean;
  /** The form's paste listener: pasted images become attachments, text stays text. */
  paste(event: ClipboardEvent): void;
  /** Empty again, once the message is sent. */
  reset(): void;
};

type Item = { row: HTMLLIElement; state: HTMLElement; controller: AbortController; id?: string; refused?: boolean };

/** Why each file cannot go (null: it may), `going` being those already on their way; a refused file takes no place. */
export function refusals(files: Array<{ name: string; size: number }>, going: number, rules: UploadRules): Array<UploadError | null> {
  const most = rules.maxPerMessage ?? MAX_ATTACHMENTS_PER_MESSAGE;
  return files.map((file) => {
    const refused = going >= most ? tooManyFiles(rules) : precheckFile(file, rules);
    if (!refused) going += 1;
    return refused;
  });
}

const problem = (message: string) => el("span", { class: "file-error", role: "alert", text: message });

/** Files picked or pasted are checked at once and uploaded with `upload`, each in a row with its progress. */
export function attachmentField(rules: UploadRules, upload: Upload): AttachmentField {
  const most = rules.maxPerMessage ?? MAX_ATTACHMENTS_PER_MESSAGE;
  const id = `files-${Math.random().toString(36).slice(2, 7)}`;
  // No name: FormData would send the files themselves as text. Visually hidden, it still takes focus.
  const input = el("input", { id, type: "file", multiple: "", accept: ACCEPTED_FILE_NAMES, class: "sr-only", "aria-describedby": `${id}-hint` });
  const list = el("ul", { class: "files", "aria-label": "Files to send" });
  list.hidden = true;
  let items: Item[] = [];

  function show(item: Item, state: HTMLElement) {
    item.state.replaceWith(state);
    item.state = state;
  }

  function remove(item: Item) {
    item.controller.abort();
    items = items.filter((other) => other !== item);
    item.row.remove();
    list.hidden = items.length === 0;
    input.focus(); // its row's button is gone: the keyboard stays in the form
  }

  function start(file: File, refused: UploadError | null) {
    const progress = el("progress", { max: "1", value: "0", "aria-label": `Uploading ${file.name}` });
    const remover = el("button", { type: "button", class: "remove", "aria-label": `Remove ${file.name}`, text: "✕" });
    const item: Item = {
      row: el("li", {}, [el("span", { class: "file-name", text: file.name }), el("span", { class: "file-size", text: formatBytes(file.size) })]),
      state: refused ? problem(refused.message) : progress,
      controller: new AbortController(),
      refused: Boolean(refused),
    };
    remover.addEventListener("click", () => remove(item));
    item.row.append(item.state, remover);
    items.push(item);
    list.appendChild(item.row);
    list.hidden = false;
    if (refused) return;
    const onProgress = (fraction: number) => {
      progress.value = fraction;
    };
    upload(file, { signal: item.controller.signal, onProgress }).then(
      (attachment) => {
        item.id = attachment.id;
        show(item, el("span", { class: "file-ready", text: "Ready" }));
      },
      (error: unknown) => {
        if (item.controller.signal.aborted) return; // removed, or the form was sent
        item.refused = true;
        show(item, problem(messageOf(error)));
      },
    );
  }

  function add(files: File[]) {
    const reasons = refusals(files, items.filter((item) => !item.refused).length, rules);
    files.forEach((file, index) => start(file, reasons[index] ?? null));
  }

  input.addEventListener("change", () => {
    add(Array.from(input.files ?? []));
    input.value = ""; // the same file may be picked again after it was removed
  });

  return {
    node: el("div", { class: "attach" }, [
      el("div", { class: "attach-bar" }, [
        input,
        el("label", { for: id, class: "attach-button", text: "Attach files" }),
        el("span", { id: `${id}-hint`, class: "attach-hint", text: `Or paste a screenshot. Up to ${most} files of ${formatBytes(rules.maxBytes)}: ${ACCEPTED_KINDS_TEXT}.` }),
      ]),
      list,
    ]),
    ids: () => items.flatMap((item) => (item.id ? [item.id] : [])),
    busy: () => items.some((item) => !item.id && !item.refused),
    paste(event) {
      const files = pastedFiles(event);
      if (!files.length) return;
      event.preventDefault();
      add(files);
    },
    reset() {
      for (const item of items) item.controller.abort();
      items = [];
      list.replaceChildren();
      list.hidden = true;
    },
  };
}

/** The signed-in person's bearer as a header; none for a guest. */
export function bearerHeaders(ctx: Pick<ViewContext, "bearer">): Record<string, string> {
  const token = ctx.bearer();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The field for a form in the frame: files go up as the signed-in person's, or as a guest's. */
export function filesField(ctx: ViewContext): AttachmentField {
  return attachmentField({ maxBytes: ctx.attachmentMaxBytes }, (file, options) => uploadFile(attachmentsUrl, file, { ...options, headers: bearerHeaders(ctx) }));
}

// The browser reads a download's URL after the click returns; a minute is ample for it to start.
const DOWNLOAD_URL_MS = 60_000;

async function download(attachment: Attachment, headers: Record<string, string>) {
  const url = URL.createObjectURL(await fetchBlob(attachmentUrl(attachment.id, "file"), headers));
  const link = el("a", { href: url, download: attachment.name, class: "sr-only" });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_MS);
}

function thumbnail(attachment: Attachment, headers: Record<string, string>): HTMLImageElement {
  const img = el("img", { alt: attachment.name, class: "thumb" });
  fetchBlob(attachmentUrl(attachment.id, "thumbnail"), headers).then(
    (blob) => {
      const url = URL.createObjectURL(blob);
      // Once decoded, the image no longer needs its URL.
      for (const done of ["load", "error"]) img.addEventListener(done, () => URL.revokeObjectURL(url), { once: true });
      img.src = url;
    },
    () => {}, // the file's name stays in its place, and the button still downloads it
  );
  return img;
}

/**
 * A message's files: images as thumbnails, anything else by name and size; each a button that
 * downloads it. `headers` are asked for at each request, so a session refreshed since is the one used.
 */
export function attachmentList(attachments: Attachment[], headers: () => Record<string, string>): HTMLElement | null {
  if (!attachments.length) return null;
  const group = el("div", { class: "attachments", role: "group", "aria-label": "Attachments" });
  const save = (attachment: Attachment) => {
    group.querySelector(".file-error")?.remove();
    download(attachment, headers()).catch((error: unknown) => group.appendChild(problem(messageOf(error))));
  };
  for (const attachment of attachments) {
    const size = `(${formatBytes(attachment.size)})`;
    // Named "NAME (SIZE)" either way; an image's name is its thumbnail's alt text.
    const button = attachment.image
      ? el("button", { type: "button", class: "thumb-button" }, [thumbnail(attachment, headers()), el("span", { class: "sr-only", text: ` ${size}` })])
      : el("button", { type: "button", class: "file-button", text: `${attachment.name} ${size}` });
    button.title = `Download ${attachment.name}`;
    button.addEventListener("click", () => save(attachment));
    group.appendChild(button);
  }
  return group;
}
