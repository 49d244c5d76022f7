import { execFile } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { commentOnMyTicket, readMyTicket, submitTicket } from "@/lib/desk/help-center/tickets";
import { sendVisitorMessage, startChat } from "@/lib/desk/help-center/chat";
import { replyToTicket } from "@/lib/desk/console/writes";
import { GUEST_LIMITS } from "@/lib/desk/help-center/guest-limits";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { contactCaller, guestCaller, newAgent, refusal } from "@/test/integration/callers";
import { openAttachment } from "./access";
import { attachmentStore } from "./configured-store";
import { PENDING_TTL_MS, ORPHAN_GRACE_MS, sweepAttachments } from "./sweep";
import { readUploadBody } from "./upload-body";
import { receiveUpload, type Uploader } from "./upload";
import { CONTACT_UPLOADS_PER_HOUR } from "./upload-limits";

// Attachments on a real database and a real disk (ATTACHMENTS_DIR, this file's own; 256 KiB limit).
const upload = (uploader: Uploader, name: string, bytes: Buffer) => receiveUpload(uploader, name, async () => bytes);
const asUploader = (caller: Awaited<ReturnType<typeof contactCaller>>): Uploader => ({ kind: "contact", contactId: caller.contact.id });
const png = (width = 640, height = 480) => sharp({ create: { width, height, channels: 3, background: "#2563eb" } }).png().toBuffer();
const question = { subject: "Build fails", description: "See the log", priority: "medium" as const };
const objects = () => readdirSync(path.join(env.ATTACHMENTS_DIR, "objects"));

describe("upload, attach and read", () => {
  it("a contact's screenshot goes with their ticket: they, and agents, read it and its thumbnail; others get NOT_FOUND", async () => {
    const owner = await contactCaller();
    const image = await png();
    const uploaded = await upload(asUploader(owner), "screen shot.png", image);
    expect(uploaded).toMatchObject({ name: "screen shot.png", size: image.length, contentType: "image/png", image: true });
    const { body } = await submitTicket(owner, { ...question, attachmentIds: [uploaded.id] }, null);
    const ticketId = (body as { ticket: { id: string } }).ticket.id;
    expect((await readMyTicket(owner.contact.id, ticketId)).attachments.map((a) => a.id)).toEqual([uploaded.id]);

    const file = await openAttachment({ kind: "contact", contactId: owner.contact.id }, uploaded.id, "file");
    expect(Buffer.compare(file.bytes, image)).toBe(0);
    const thumbnail = await openAttachment({ kind: "contact", contactId: owner.contact.id }, uploaded.id, "thumbnail");
    expect(thumbnail.contentType).toBe("image/webp");
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });
    const agent = await newAgent();
    expect((await openAttachment({ kind: "agent", agentId: agent.id }, uploaded.id, "file")).name).toBe("screen shot.png");

    const other = await contactCaller("Mallory");
    for (const variant of ["file", "thumbnail"] as const) {
      expect((await refusal(openAttachment({ kind: "contact", contactId: other.contact.id }, uploaded.id, variant))).code).toBe("NOT_FOUND");
      expect((await refusal(openAttachment({ kind: "guest", chatToken: null }, uploaded.id, variant))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(openAttachment({ kind: "contact", contactId: owner.contact.id }, "AAAAAAAAAAAAAAAAAAAAAA", "file"))).code).toBe("NOT_FOUND");
  });

  it("a reply's files are the comment's; a file on an agent's private note never reaches the contact", async () => {
    const owner = await contactCaller();
    const { body } = await submitTicket(owner, question, null);
    const ticketId = (body as { ticket: { id: string } }).ticket.id;
    const log = await upload(asUploader(owner), "build.log", Buffer.from("step 1 ok\nstep 2 FAILED: exit 137\n"));
    const reply = await commentOnMyTicket(owner.contact.id, ticketId, { body: "", attachmentIds: [log.id] }, null);
    expect(reply.body.comment.attachments).toEqual([expect.objectContaining({ id: log.id, contentType: "text/plain", image: false })]);

    const agent = await newAgent();
    const note = await upload({ kind: "agent", agentId: agent.id }, "internal.txt", Buffer.from("customer is on the legacy plan"));
    await replyToTicket(agent, ticketId, { body: "note", isPublic: false, attachmentIds: [note.id] });
    expect((await refusal(openAttachment({ kind: "contact", contactId: owner.contact.id }, note.id, "file"))).code).toBe("NOT_FOUND");
    expect((await openAttachment({ kind: "agent", agentId: agent.id }, note.id, "file")).name).toBe("internal.txt");
    const thread = await readMyTicket(owner.contact.id, ticketId);
    expect(thread.comments.flatMap((c) => c.attachments.map((a) => a.id))).toEqual([log.id]);
  });

  it("only the uploader can send a pending upload, once; a refused one leaves no message behind", async () => {
    const owner = await contactCaller();
    const { body } = await submitTicket(owner, question, null);
    const ticketId = (body as { ticket: { id: string } }).ticket.id;
    const mine = await upload(asUploader(owner), "a.txt", Buffer.from("mine"));

    const other = await contactCaller("Mallory");
    const { body: otherBody } = await submitTicket(other, question, null);
    const otherTicket = (otherBody as { ticket: { id: string } }).ticket.id;
    expect((await refusal(commentOnMyTicket(other.contact.id, otherTicket, { body: "taking it", attachmentIds: [mine.id] }, null))).code).toBe("VALIDATION_FAILED");
    expect((await refusal(submitTicket(guestCaller(), { ...question, name: "G", email: "g@example.com", attachmentIds: [mine.id] }, null))).code).toBe("VALIDATION_FAILED");
    // The refusal rolled the whole message back: no comment, no ticket in the guest's name.
    expect(await db.ticketComment.count({ where: { ticketId: otherTicket } })).toBe(0);
    expect(await db.contact.count({ where: { email: "g@example.com" } })).toBe(0);

    await commentOnMyTicket(owner.contact.id, ticketId, { body: "here", attachmentIds: [mine.id] }, null);
    expect((await refusal(commentOnMyTicket(owner.contact.id, ticketId, { body: "again", attachmentIds: [mine.id] }, null))).code).toBe("VALIDATION_FAILED");
  });

  it("a guest's chat files are read with the chat's token and no other", async () => {
    const guest = guestCaller();
    const { chat, visitorToken } = await startChat(guest, { name: "Guest", message: "hi" });
    const image = await upload({ kind: "guest", clientIp: guest.clientIp }, "error.png", await png(200, 100));
    const message = await sendVisitorMessage(guest, chat.id, { body: "this error", attachmentIds: [image.id] });
    expect(message.attachments.map((a) => a.id)).toEqual([image.id]);
    expect((await openAttachment({ kind: "guest", chatToken: visitorToken ?? null }, image.id, "thumbnail")).contentType).toBe("image/webp");
    const { visitorToken: otherToken } = await startChat(guestCaller(), { name: "Other", message: "hello" });
    for (const chatToken of [null, otherToken ?? null, "forged"]) {
      expect((await refusal(openAttachment({ kind: "guest", chatToken }, image.id, "file"))).code).toBe("NOT_FOUND");
    }
    const stranger = await contactCaller("Mallory");
    expect((await refusal(openAttachment({ kind: "contact", contactId: stranger.contact.id }, image.id, "file"))).code).toBe("NOT_FOUND");
  });

  it("a contact's chat files are theirs; a pending upload is its uploader's alone", async () => {
    const owner = await contactCaller();
    const { chat } = await startChat(owner, { message: "hi" });
    const shot = await upload(asUploader(owner), "shot.png", await png(120, 80));
    const other = await contactCaller("Mallory");
    const agent = await newAgent();
    const { visitorToken } = await startChat(guestCaller(), { name: "Guest", message: "hello" });
    // Pending: only the uploader sees it; not another contact, an agent, or a guest with some chat's token.
    expect((await openAttachment({ kind: "contact", contactId: owner.contact.id }, shot.id, "file")).name).toBe("shot.png");
    for (const reader of [{ kind: "contact", contactId: other.contact.id }, { kind: "agent", agentId: agent.id }, { kind: "guest", chatToken: visitorToken ?? null }] as const) {
      expect((await refusal(openAttachment(reader, shot.id, "file"))).code, reader.kind).toBe("NOT_FOUND");
    }
    await sendVisitorMessage(owner, chat.id, { body: "", attachmentIds: [shot.id] });
    expect((await openAttachment({ kind: "agent", agentId: agent.id }, shot.id, "thumbnail")).contentType).toBe("image/webp");
    expect((await refusal(openAttachment({ kind: "contact", contactId: other.contact.id }, shot.id, "file"))).code).toBe("NOT_FOUND");
    expect((await refusal(openAttachment({ kind: "guest", chatToken: visitorToken ?? null }, shot.id, "file"))).code).toBe("NOT_FOUND");
  });
});

describe("what is refused", () => {
  const uploadRequest = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://desk.test/desk/api/asap/v1/attachments?name=x", {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", ...headers },
      duplex: "half",
    } as RequestInit);

  it("a file over ATTACHMENT_MAX_BYTES, by its Content-Length or as it streams in", async () => {
    const max = env.ATTACHMENT_MAX_BYTES;
    expect((await refusal(readUploadBody(uploadRequest("x", { "content-length": String(max + 1) }), max))).code).toBe("FILE_TOO_LARGE");
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const tooLarge = await refusal(readUploadBody(uploadRequest(endless), max));
    expect(tooLarge.code).toBe("FILE_TOO_LARGE");
    expect(tooLarge.message).toContain("256 KB");
    expect(sent).toBeLessThan(max + 3 * 64 * 1024); // it stopped reading
    expect((await readUploadBody(uploadRequest(new Uint8Array(max)), max)).length).toBe(max);
  });

  it("a body that is not application/octet-stream (a form post from any web page)", async () => {
    for (const type of ["multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded", "image/png"]) {
      expect((await refusal(readUploadBody(uploadRequest("x", { "content-type": type }), 1024))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("by content, whatever the name: HTML as .png, SVG with script, XML, an executable, a truncated image, nothing at all", async () => {
    const guest: Uploader = { kind: "guest", clientIp: guestCaller().clientIp };
    const fullPng = await png();
    const cases: Array<[string, Buffer, string]> = [
      ["invoice.png", Buffer.from("<!doctype html><html><script>alert(document.domain)</script></html>"), "FILE_TYPE_NOT_ALLOWED"],
      ["notes.txt", Buffer.from("  \n<html><body onload=alert(1)>"), "FILE_TYPE_NOT_ALLOWED"],
      ["logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "FILE_TYPE_NOT_ALLOWED"],
      ["logo.png", Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "FILE_TYPE_NOT_ALLOWED"],
      ["readme.txt", Buffer.from("Hello\n\n<script>fetch('/steal')</script>\n"), "FILE_TYPE_NOT_ALLOWED"],
      ["setup.pdf", Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(200)]), "FILE_TYPE_NOT_ALLOWED"],
      ["data.bin", Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x00, 0x10]), "FILE_TYPE_NOT_ALLOWED"],
      ["cut.png", fullPng.subarray(0, Math.floor(fullPng.length / 2)), "FILE_DAMAGED"],
      ["empty.txt", Buffer.alloc(0), "FILE_DAMAGED"],
    ];
    for (const [name, bytes, code] of cases) expect((await refusal(upload(guest, name, bytes))).code, name).toBe(code);
    expect(await db.attachment.count({ where: { name: { in: cases.map(([name]) => name) } } })).toBe(0);
  });

  it("accepts a PDF, a log and a ZIP as they are (the archive is stored byte for byte, never unpacked)", async () => {
    const guest: Uploader = { kind: "guest", clientIp: guestCaller().clientIp };
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    // A ZIP whose one entry claims to inflate to 4 GiB: a bomb, if anything ever unpacked it.
    const zip = Buffer.concat([Buffer.from("504b0304140000000800000000000000000010000000ffffffff0800", "hex"), Buffer.from("bomb.txt"), Buffer.alloc(16, 0x03)]);
    const pdfFile = await upload(guest, "manual", pdf);
    const zipFile = await upload(guest, "logs.zip", zip);
    const log = await upload(guest, "server.log", Buffer.from("\ufeff2026-12-02T04:00:00Z ERROR disk full\t(code 28)\r\n"));
    expect([pdfFile.contentType, zipFile.contentType, log.contentType]).toEqual(["application/pdf", "application/zip", "text/plain"]);
    expect(pdfFile.name).toBe("manual.pdf");
    const stored = await attachmentStore.get(zipFile.id);
    expect(stored && Buffer.compare(stored, zip)).toBe(0);
  });

  it("a signed-in contact's uploads are limited too, per contact", async () => {
    const owner = await contactCaller();
    for (let i = 0; i < CONTACT_UPLOADS_PER_HOUR; i++) await upload(asUploader(owner), `${i}.txt`, Buffer.from(`file ${i}`));
    expect((await refusal(upload(asUploader(owner), "one-more.txt", Buffer.from("x")))).code).toBe("RATE_LIMITED");
    expect((await upload(asUploader(await contactCaller("Other")), "mine.txt", Buffer.from("x"))).name).toBe("mine.txt");
  });

  it("a guest's uploads are limited per address, before their bytes are read", async () => {
    const guest: Uploader = { kind: "guest", clientIp: guestCaller().clientIp };
    for (let i = 0; i < GUEST_LIMITS.uploadsPerAddressPerHour; i++) await upload(guest, `${i}.txt`, Buffer.from(`file ${i}`));
    let read = false;
    const over = await refusal(
      receiveUpload(guest, "one-more.txt", async () => {
        read = true;
        return Buffer.from("x");
      }),
    );
    expect(over.code).toBe("RATE_LIMITED");
    expect(read).toBe(false);
  });
});

describe("crashes and the sweep", () => {
  it("a crash between storing a file and inserting its row leaves no row, and the sweep removes the file", async () => {
    const before = new Set(objects());
    const child = await promisify(execFile)(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/integration/upload-then-crash.ts"], {
      env: process.env,
    }).catch((error: { signal?: string; stdout?: string }) => error);
    expect(child).toMatchObject({ signal: "SIGKILL" });
    const key = /stored (\S+)/.exec(String(child.stdout))?.[1] ?? "";
    expect(before.has(key)).toBe(false);
    expect(existsSync(path.join(env.ATTACHMENTS_DIR, "objects", key))).toBe(true);
    expect(await db.attachment.count({ where: { id: key } })).toBe(0); // no row points at anything

    // Within the grace an upload may still be between its steps: the file stays.
    expect((await sweepAttachments(attachmentStore)).orphansRemoved).toBe(0);
    const later = new Date(Date.now() + ORPHAN_GRACE_MS + 1000);
    const report = await sweepAttachments(attachmentStore, later);
    expect(report.orphansRemoved).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(env.ATTACHMENTS_DIR, "objects", key))).toBe(false);
  });

  it("removes uploads never sent (row and files) and half-written files, and keeps everything sent", async () => {
    const owner = await contactCaller();
    const image = await png();
    const sent = await upload(asUploader(owner), "sent.png", image);
    await submitTicket(owner, { ...question, attachmentIds: [sent.id] }, null);
    const unsent = await upload(asUploader(owner), "unsent.png", image);
    writeFileSync(path.join(env.ATTACHMENTS_DIR, "partial", "AAAAAAAAAAAAAAAA.part"), "half a file");
    writeFileSync(path.join(env.ATTACHMENTS_DIR, "objects", ".DS_Store"), "not ours"); // never taken for a key, nor stopping the sweep

    const report = await sweepAttachments(attachmentStore, new Date(Date.now() + PENDING_TTL_MS + 1000));
    expect(report.pendingRemoved).toBeGreaterThanOrEqual(1);
    expect(report.unfinishedRemoved).toBe(1);
    expect(await db.attachment.findUnique({ where: { id: unsent.id } })).toBeNull();
    expect(objects()).not.toContain(unsent.id);
    expect(objects()).not.toContain(`${unsent.id}.thumb`);
    expect(objects()).toEqual(expect.arrayContaining([sent.id, `${sent.id}.thumb`, ".DS_Store"]));
    expect((await openAttachment({ kind: "contact", contactId: owner.contact.id }, sent.id, "file")).bytes.length).toBe(image.length);
  });
});
