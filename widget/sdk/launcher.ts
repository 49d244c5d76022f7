import type { LauncherBranding } from "../protocol/branding";

/** The widget on the page: a launcher button and the Desk's frame it opens and closes. */
export type Launcher = {
  frame: HTMLIFrameElement;
  /** Adds both to the page. */
  attach(): void;
  isOpen(): boolean;
  setOpen(open: boolean): void;
  focus(): void;
  /** Wears the add-on's accent colour and corner, as the frame announced them; what is missing stays. */
  brand(branding: Partial<LauncherBranding>): void;
};

const LAUNCHER_STYLE =
  "position:fixed;right:24px;bottom:24px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;" +
  "font:600 14px system-ui,sans-serif;color:#fff;background:#4f46e5;box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer";
const FRAME_STYLE =
  "position:fixed;right:24px;bottom:84px;z-index:2147483000;width:380px;max-width:calc(100vw - 48px);" +
  "height:560px;max-height:calc(100vh - 120px);border:0;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);background:#fff";

export function createLauncher(frameUrl: string): Launcher {
  let open = false;
  const button = document.createElement("button");
  button.type = "button";
  button.id = "asap-launcher";
  button.setAttribute("aria-controls", "asap-frame");
  button.style.cssText = LAUNCHER_STYLE;

  const frame = document.createElement("iframe");
  frame.id = "asap-frame";
  frame.title = "Help center";
  frame.src = frameUrl;
  frame.style.cssText = FRAME_STYLE;

  function setOpen(next: boolean) {
    open = next;
    frame.style.display = open ? "block" : "none";
    button.setAttribute("aria-expanded", String(open));
    // The glyph is decoration: screen readers hear "Help" / "Close help", and the state from aria-expanded.
    const glyph = document.createElement("span");
    glyph.setAttribute("aria-hidden", "true");
    glyph.textContent = open ? "×  " : "?  ";
    button.replaceChildren(glyph, open ? "Close help" : "Help");
    if (open) frame.focus();
  }
  button.addEventListener("click", () => setOpen(!open));

  return {
    frame,
    attach() {
      document.body.appendChild(frame);
      document.body.appendChild(button);
      setOpen(false);
    },
    isOpen: () => open,
    setOpen,
    focus: () => button.focus(),
    brand({ accentColor, launcherPosition }) {
      if (accentColor) button.style.background = accentColor;
      if (launcherPosition) {
        const [side, other] = launcherPosition === "bottom-left" ? ["left", "right"] : ["right", "left"];
        for (const element of [button, frame]) {
          element.style.setProperty(side, "24px");
          element.style.removeProperty(other);
        }
      }
    },
  };
}
