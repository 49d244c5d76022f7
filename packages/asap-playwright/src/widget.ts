import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";
import type { AsapDesk } from "./desk-client.js";
import {
  ATTACH_FILES_LABEL,
  ATTACHMENTS_GROUP,
  FILE_READY,
  FILES_TO_SEND,
  GUEST_LINE,
  LAUNCHER_NAME,
  LOGIN_ERROR_TITLE,
  readErrorCode,
  readWhoLine,
  signedInLine,
  WIDGET_TABS,
  type WidgetTab,
} from "./widget-text.js";

/** Where the SDK points its frame, under the Desk's origin. */
export const FRAME_PATH = "/desk/widget/frame";

export type AsapWidgetOptions = {
  /** The Desk whose frame to look for; without it, any ASAP frame on the page. */
  deskUrl?: string;
  /** The add-on whose login log `expectLoginRefused` reads; without it, the one the page embeds. */
  addonId?: string;
  /** The control client, for `expectLoginRefused`. */
  desk?: AsapDesk;
};

/** The widget as the frame shows it at one moment (for polling or logging; assertions wait by themselves). */
export type AsapWidgetState = {
  open: boolean;
  /** Who the widget says is signed in; null for a guest (or while signing in). */
  signedIn: { name: string; email: string } | null;
  signingIn: boolean;
  /** The login error on show, with its code. */
  error: { code: string | null; text: string } | null;
  /** The page's reason for keeping its person a guest (e.g. an unverified email). */
  notice: string | null;
  tab: WidgetTab | null;
};

type Wait = { timeout?: number };

/** Files to attach, as Playwright's setInputFiles takes them: paths, or names with types and bytes. */
export type WidgetFile = string | readonly string[] | { name: string; mimeType: string; buffer: Buffer } | ReadonlyArray<{ name: string; mimeType: string; buffer: Buffer }>;

/**
 * The ASAP widget on any page that embeds the SDK, found as a person finds it: the launcher button by
 * its name, and the help frame the Desk serves. Nothing depends on the page's own markup.
 */
export class AsapWidget {
  readonly launcher: Locator;
  /** The frame's element on the page: visible while the widget is open. */
  readonly frameElement: Locator;
  readonly frame: FrameLocator;
  /** Who is signed in: "Signed in as Ada (ada@example.com)" or "Browsing as a guest". */
  readonly status: Locator;
  /** The login error ("We could not sign you in to help", its message, hint and "Error code: …"). */
  readonly error: Locator;
  readonly notice: Locator;
  /** The frame's heading: the add-on's title. */
  readonly title: Locator;
  readonly tabs: Locator;

  constructor(
    readonly page: Page,
    private readonly options: AsapWidgetOptions = {},
  ) {
    const origin = options.deskUrl ? new URL(options.deskUrl).origin : "";
    const selector = origin ? `iframe[src^="${origin}${FRAME_PATH}?"]` : `iframe[src*="${FRAME_PATH}?"]`;
    this.launcher = page.getByRole("button", { name: LAUNCHER_NAME });
    this.frameElement = page.locator(selector);
    this.frame = this.frameElement.contentFrame();
    // A closed widget's frame is hidden, yet its document lives on and says who is signed in: these
    // read it either way (includeHidden), so the assertions need not open the widget.
    const visibleOrNot = { includeHidden: true } as const;
    // Who is signed in comes first in the frame; its notice and its views add status regions below.
    this.status = this.frame.getByRole("status", visibleOrNot).first();
    // The login error, not an alert a help view raises of its own (a list that failed to load).
    this.error = this.frame.getByRole("alert", visibleOrNot).filter({ hasText: LOGIN_ERROR_TITLE });
    this.notice = this.frame.getByRole("status", { name: "Why you are a guest", ...visibleOrNot });
    this.title = this.frame.getByRole("heading", { level: 1, ...visibleOrNot });
    this.tabs = this.frame.getByRole("navigation", { name: "Help sections", ...visibleOrNot });
  }

  async isOpen(): Promise<boolean> {
    return (await this.launcher.getAttribute("aria-expanded")) === "true";
  }

  /** Opens the widget with its launcher, unless it is open already. */
  async open(): Promise<void> {
    await expect(this.launcher, "the page shows the ASAP launcher").toBeVisible();
    if (!(await this.isOpen())) await this.launcher.click();
    await expect(this.frameElement).toBeVisible();
  }

  async close(): Promise<void> {
    await expect(this.launcher, "the page shows the ASAP launcher").toBeVisible();
    if (await this.isOpen()) await this.launcher.click();
    await expect(this.frameElement).toBeHidden();
  }

  /** Opens the widget and shows one of its tabs. */
  async goToTab(tab: WidgetTab): Promise<void> {
    await this.open();
    const button = this.tabs.getByRole("button", { name: tab, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-current", "page");
  }

  /** The add-on the page embeds, read from the frame's address. */
  async addonId(): Promise<string> {
    if (this.options.addonId) return this.options.addonId;
    const src = await this.frameElement.getAttribute("src");
    const addonId = src ? new URL(src).searchParams.get("addonId") : null;
    if (!addonId) throw new Error(`The ASAP frame's address names no add-on: ${src}`);
    return addonId;
  }

  /** What the widget shows now, without waiting. */
  async state(): Promise<AsapWidgetState> {
    const [who = "", alert, notice] = await Promise.all([this.status.allTextContents().then((texts) => texts[0]), this.error.allTextContents(), this.notice.allTextContents()]);
    const line = readWhoLine(who);
    const errorText = alert.join(" ").trim();
    return {
      open: (await this.launcher.count()) > 0 && (await this.isOpen()),
      signedIn: line.kind === "signed-in" ? { name: line.name, email: line.email } : null,
      signingIn: line.kind === "signing-in",
      error: errorText ? { code: readErrorCode(errorText), text: errorText } : null,
      notice: notice.join(" ").trim() || null,
      tab: await this.currentTab(),
    };
  }

  private async currentTab(): Promise<WidgetTab | null> {
    for (const tab of WIDGET_TABS) {
      const button = this.tabs.getByRole("button", { name: tab, exact: true, includeHidden: true });
      if ((await button.count()) > 0 && (await button.getAttribute("aria-current")) === "page") return tab;
    }
    return null;
  }

  /** Waits until the widget says this person is signed in (by email, and by name when given). */
  async expectSignedInAs(email: string, options: { name?: string } & Wait = {}): Promise<void> {
    await expect(this.status, `the widget is signed in as ${options.name ?? ""} <${email}>`).toHaveText(signedInLine(email, options.name), { timeout: options.timeout });
  }

  /** Waits until the widget shows a guest: nobody signed in. */
  async expectSignedOut(options: Wait = {}): Promise<void> {
    await expect(this.status, "the widget shows a guest").toHaveText(GUEST_LINE, { timeout: options.timeout });
  }

  /**
   * Waits until the add-on's newest failed login (in the Desk's login log, through the control API)
   * has `code`, and the widget shows that code to its person.
   */
  async expectLoginRefused(
    code: string,
    options: {
      addonId?: string;
      /** Only failures seen at or after this moment count. */
      since?: Date;
      /** Also check the widget's error (default true); false for a refusal the page never showed. */
      inWidget?: boolean;
    } & Wait = {},
  ): Promise<void> {
    const desk = this.options.desk;
    if (!desk) throw new Error("expectLoginRefused reads the Desk's login log: give the widget a control client ({ desk: asapDesk(…) }, or set ASAP_DESK_CONTROL_TOKEN for the fixture).");
    const addonId = options.addonId ?? (await this.addonId());
    await expect
      .poll(
        async () => {
          const { events } = await desk.loginEvents(addonId, { outcome: "failure" });
          const newest = events.find((event) => !options.since || Date.parse(event.lastSeenAt) >= options.since.getTime());
          return newest?.code ?? "(no failed login)";
        },
        { message: `the newest failed login of add-on ${addonId} has the code ${code}`, timeout: options.timeout },
      )
      .toBe(code);
    if (options.inWidget !== false) {
      await expect(this.error, `the widget shows the error code ${code}`).toContainText(`Error code: ${code}`, { timeout: options.timeout });
    }
  }

  /** The files being sent with the form on show: one row each, with its progress, "Ready" or the refusal. */
  get filesToSend(): Locator {
    return this.frame.getByRole("list", { name: FILES_TO_SEND });
  }

  /** Picks files for the form on show (a new ticket, a reply, a chat message) with its file picker. */
  async attachFiles(files: WidgetFile): Promise<void> {
    await this.frame.getByLabel(ATTACH_FILES_LABEL, { exact: true }).setInputFiles(files);
  }

  /**
   * Pastes an image into a field of the frame, as a person pastes a screenshot: a clipboard event
   * whose data holds one PNG without a name, which the widget turns into a named file.
   */
  async pasteImage(field: Locator, png: Buffer): Promise<void> {
    await field.focus();
    await field.evaluate((element, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], "image.png", { type: "image/png" }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, png.toString("base64"));
  }

  /** Waits until `count` files of the form on show are uploaded and ready to send. */
  async expectFilesReady(count: number, options: Wait = {}): Promise<void> {
    await expect(this.filesToSend.getByText(FILE_READY, { exact: true }), `${count} file(s) uploaded and ready`).toHaveCount(count, { timeout: options.timeout });
  }

  /** The files of the messages on show (a ticket's thread, a chat): each a button, named by the file. */
  get attachments(): Locator {
    return this.frame.getByRole("group", { name: ATTACHMENTS_GROUP });
  }
}
