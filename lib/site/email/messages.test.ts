import { describe, expect, it } from "vitest";
import { accountExistsMail, escapeHtml, verificationMail } from "./messages";

describe("site emails", () => {
  const link = "http://localhost:3000/verify-email?token=abc_DEF-123";

  it("a verification mail carries the link in both parts and says how long it works", () => {
    const mail = verificationMail({ to: "ada@example.com", link, validHours: 24 });
    expect(mail).toMatchObject({ to: "ada@example.com", subject: "Confirm your email address for Northwind Cloud" });
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain("expires in 24 hours");
    expect(mail.html).toContain(`<a href="${link}">${link}</a>`);
  });

  it("an account-exists mail says so, links to sign-in, and carries no verification link", () => {
    const mail = accountExistsMail({ to: "ada@example.com", signInUrl: "http://localhost:3000/sign-in" });
    expect(mail.subject).toBe("You already have a Northwind Cloud account");
    expect(mail.text).toContain("You already have an account with this address");
    expect(mail.text).toContain("http://localhost:3000/sign-in");
    expect(mail.text).not.toContain("verify-email");
  });

  it("escapes everything that goes into the HTML part", () => {
    const mail = verificationMail({ to: "ada@example.com", link: 'http://x.example/?a=1&b="<script>', validHours: 24 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="http://x.example/?a=1&amp;b=&quot;&lt;script&gt;"');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  });
});
