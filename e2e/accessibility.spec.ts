import { expect, signInThroughApi, test } from "./fixtures";
import { DeskPortal, DESK_AGENT } from "./pages/desk-portal";
import { expectNoSeriousViolations } from "./support/axe";
import { e2eDatabase } from "./support/database";

// Every page, checked by axe-core in the real browser: no serious or critical violation (WCAG 2.1 AA
// rules, colour contrast included). The widget frame is another document, checked in its own states.

test.describe("accessibility", () => {
  for (const path of ["/", "/pricing", "/sign-in", "/sign-up", "/help", "/help/articles/create-your-first-app", "/desk/sign-in"]) {
    test(`${path} has no serious or critical axe violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    });
  }

  test("the signed-in site pages have none either", async ({ page, account }) => {
    await signInThroughApi(page, account);
    for (const path of ["/dashboard", "/account", "/help/tickets"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    }
  });

  test("the portal has none either", async ({ page, deskAdmin }) => {
    await deskAdmin.openAddon("addon_demo");
    await expectNoSeriousViolations(page);
    for (const path of ["/desk/admin", "/desk/admin/debugger", "/desk/admin/addons/addon_demo/migration"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    }
  });

  test("the agent console has none either", async ({ page }) => {
    await new DeskPortal(page).signIn(DESK_AGENT);
    await expect(page).toHaveURL(/\/desk\/agent$/);
    const article = await e2eDatabase().article.findUniqueOrThrow({ where: { slug: "create-your-first-app" }, select: { id: true } });
    for (const path of ["/desk/agent", "/desk/agent/chats", "/desk/agent/articles", "/desk/agent/articles/new", `/desk/agent/articles/${article.id}`]) {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    }
  });

  test("the open widget has none, as a guest in every tab and signed in", async ({ page, widget, account }) => {
    await page.goto("/help");
    await widget.open();
    await widget.expectSignedOut();
    for (const tab of ["Home", "Articles", "Tickets", "Community", "Chat"]) {
      await widget.frame.getByRole("button", { name: tab, exact: true }).first().click();
      await expectNoSeriousViolations(page, "widget");
    }
    await signInThroughApi(page, account);
    await page.goto("/dashboard");
    await widget.open();
    await widget.expectSignedInAs(account.email, { name: account.name });
    for (const tab of ["Home", "Tickets", "Chat"]) {
      await widget.frame.getByRole("button", { name: tab, exact: true }).first().click();
      await expectNoSeriousViolations(page, "widget");
    }
  });
});

test.describe("the widget by keyboard", () => {
  test("opens with the launcher, takes focus, closes with Escape and gives focus back to the launcher", async ({ page, widget }) => {
    await page.goto("/pricing");
    await expect(widget.launcher).toBeVisible();
    await widget.launcher.focus();
    await page.keyboard.press("Enter");
    await expect(widget.launcher).toHaveAttribute("aria-expanded", "true");
    await widget.expectSignedOut();
    // Focus is inside the frame: typing reaches its search box.
    await widget.frame.getByRole("searchbox").or(widget.frame.getByRole("textbox")).first().focus();
    await page.keyboard.press("Escape");
    await expect(widget.launcher).toHaveAttribute("aria-expanded", "false");
    await expect(widget.launcher).toBeFocused();
    // No trap: Tab moves on from the launcher.
    await page.keyboard.press("Shift+Tab");
    await expect(widget.launcher).not.toBeFocused();
  });
});
