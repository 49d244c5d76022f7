import { expect, type Locator, type Page } from "@playwright/test";

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    // Within the page content: Next.js keeps its own (empty) role="alert" route announcer outside it.
    this.alert = page.getByRole("main").getByRole("alert");
  }

  async goto(path = "/sign-in") {
    await this.page.goto(path);
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    // Wait for the server action's answer: the alert from a previous attempt may carry the same text.
    const answered = this.page.waitForResponse((response) => response.request().method() === "POST");
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
    // And for React to apply it: until then the form still resets itself, and would empty a
    // password the next attempt typed meanwhile. (After a redirect there is no button at all.)
    await expect(this.page.getByRole("button", { name: "Signing in…" })).toHaveCount(0);
  }
}
