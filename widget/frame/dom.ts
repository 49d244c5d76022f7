/**
 * The frame's one way to make DOM. Text goes in only as textContent (the `text` attribute), so
 * nothing anyone typed, nor any article, can become markup. `onclick` takes a click listener.
 */
type Attributes = { [name: string]: string | (() => void) | undefined };
export type Child = Node | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") {
      if (name === "onclick") node.addEventListener("click", value);
    } else if (value !== undefined) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** Plain text as paragraphs, split on blank lines. */
export function paragraphs(text: string): HTMLDivElement {
  return el(
    "div",
    { class: "text" },
    String(text)
      .split(/\n{2,}/)
      .map((block) => el("p", { text: block })),
  );
}

export function when(date: string): string {
  return new Date(date).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

/** An Idempotency-Key. getRandomValues works outside secure contexts too, unlike randomUUID. */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
