import nodemailer from "nodemailer";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher } from "./mail-catcher";

const catcher = await startMailCatcher();
afterAll(() => catcher.close());
const smtp = nodemailer.createTransport(catcher.smtpUrl);
const send = (to: string, subject: string, text = "Hello") => smtp.sendMail({ from: "Northwind <no-reply@northwind.example>", to, subject, text });
const list = async (query = "") => (await (await fetch(`${catcher.httpUrl}/messages${query}`)).json()) as { messages: Array<Record<string, unknown>> };

describe("mail catcher", () => {
  beforeEach(() => catcher.clear());

  it("listens on loopback only", () => {
    expect(new URL(catcher.smtpUrl).hostname).toBe("127.0.0.1");
    expect(new URL(catcher.httpUrl).hostname).toBe("127.0.0.1");
  });

  it("lists what it caught over HTTP, newest first, filtered by recipient", async () => {
    await send("Ada@Example.com", "First", "Open http://localhost:3000/verify-email?token=x");
    await send("grace@example.com", "Second");
    const { messages } = await list();
    expect(messages.map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(messages[1]).toMatchObject({ from: '"Northwind" <no-reply@northwind.example>', to: ["ada@example.com"], text: "Open http://localhost:3000/verify-email?token=x\n" });
    expect(typeof messages[1]!.id).toBe("string");
    expect(Number.isNaN(Date.parse(String(messages[1]!.date)))).toBe(false);
    expect((await list("?to=ADA@example.com")).messages.map((m) => m.subject)).toEqual(["First"]);
  });

  it("empties the mailbox on DELETE", async () => {
    await send("ada@example.com", "Gone soon");
    expect((await fetch(`${catcher.httpUrl}/messages`, { method: "DELETE" })).status).toBe(204);
    expect((await list()).messages).toEqual([]);
  });

  it("keeps only the newest messages (200 by default)", async () => {
    const small = await startMailCatcher({ keep: 3 });
    const to = nodemailer.createTransport(small.smtpUrl);
    for (let i = 1; i <= 5; i++) await to.sendMail({ from: "a@example.com", to: "bulk@example.com", subject: `Mail ${i}`, text: "x" });
    expect(small.messages().map((m) => m.subject)).toEqual(["Mail 5", "Mail 4", "Mail 3"]);
    await small.close();
  });

  it("refuses a message over its size limit", async () => {
    await expect(send("ada@example.com", "Huge", "x".repeat(2 * 1024 * 1024))).rejects.toMatchObject({ responseCode: 552 });
    expect((await list()).messages).toEqual([]);
  });
});
