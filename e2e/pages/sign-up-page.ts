import type { Locator, Page } from "@playwright/test";

export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Full name");
    this.email = page.getByLabel("Work email");
    this.password = page.getByLabel("Password");
  }

  async goto() {
    await this.page.goto("/sign-up");
  }

  async signUp(input: { name: string; email: string; password: string }) {
    await this.name.fill(input.name);
    await this.email.fill(input.email);
    await this.password.fill(input.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
}
