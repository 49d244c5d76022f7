import { createServer } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";

// A mail server that is down: a loopback port nobody listens on, with credentials in the URL.
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
process.env.SMTP_URL = `smtp://mailer:hunter2-secret@127.0.0.1:${port}`;
const { MailNotSentError, sendMail } = await import("./transport");

describe("sending mail", () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  afterAll(() => logged.mockRestore());

  it("throws a typed error when the server cannot be reached, and logs one short line without secrets", async () => {
    const sending = sendMail({ to: "ada@example.com", subject: "Confirm your email address", text: "x", html: "<p>x</p>" });
    await expect(sending).rejects.toBeInstanceOf(MailNotSentError);
    await expect(sending).rejects.toMatchObject({ code: "MAIL_NOT_SENT" });
    expect(logged).toHaveBeenCalledTimes(1);
    const [line, ...rest] = logged.mock.calls[0]!;
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^\\[mail\\] could not send "Confirm your email address": E[A-Z]+ .*ECONNREFUSED 127\\.0\\.0\\.1:${port}$`));
    expect(String(line)).not.toContain("hunter2");
  });
});
