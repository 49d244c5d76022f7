import { expect, type Page } from "@playwright/test";

export const DESK_ADMIN = { email: "admin@desk.example.com", password: "desk-demo-agent" };
export const DESK_AGENT = { email: "sam@desk.example.com", password: "desk-demo-agent" };

/** The Desk portal as an admin uses it. */
export class DeskPortal {
  constructor(readonly page: Page) {}

  async signIn(agent = DESK_ADMIN) {
    await this.page.goto("/desk/sign-in");
    await this.page.getByLabel("Agent email").fill(agent.email);
    await this.page.getByLabel("Password").fill(agent.password);
    const answered = this.page.waitForResponse((response) => response.request().method() === "POST");
    await this.page.getByRole("button", { name: "Sign in to the Desk" }).click();
    await answered;
  }

  async openAddon(addonId: string, query = "") {
    await this.page.goto(`/desk/admin/addons/${addonId}${query}`);
    await expect(this.page.getByRole("heading", { name: "Signing keys" })).toBeVisible();
  }

  /** Generates or rotates a key and returns the secret shown once. */
  async readRevealedKey() {
    const region = this.page.getByRole("region", { name: "New signing key" });
    await expect(region).toBeVisible();
    return { kid: (await region.getByTestId("new-kid").textContent()) ?? "", secret: (await region.getByTestId("new-secret").textContent()) ?? "" };
  }

  loginLog() {
    return this.page.getByRole("table", { name: "Login attempts" });
  }
}
