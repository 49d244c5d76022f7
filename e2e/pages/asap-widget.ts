import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** The embedded ASAP widget, as a user sees it: a launcher button and the help frame it opens. */
export class AsapWidget {
  readonly launcher: Locator;
  readonly frame: FrameLocator;
  readonly status: Locator;
  readonly error: Locator;
  /** The app's reason for keeping its person a guest (e.g. an unverified email): a notice, not an error. */
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.launcher = page.locator("#asap-launcher");
    this.frame = page.frameLocator("#asap-frame");
    // Who is signed in comes first; views and the app's notice add status regions of their own below.
    this.status = this.frame.getByRole("status").first();
    this.error = this.frame.getByRole("alert");
    this.notice = this.frame.getByRole("status", { name: "Why you are a guest" });
  }

  async open() {
    await expect(this.launcher).toBeVisible();
    if ((await this.launcher.getAttribute("aria-expanded")) !== "true") await this.launcher.click();
  }

  async expectSignedInAs(name: string, email: string) {
    await expect(this.status).toHaveText(`Signed in as ${name} (${email})`);
  }

  async expectGuest() {
    await expect(this.status).toHaveText("Browsing as a guest");
  }
}
