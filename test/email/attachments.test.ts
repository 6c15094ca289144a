// Attachments: stored on local disk within the limits; over a limit or of a refused type the email is
// answered with a clear 4xx and kept, and a retry after the limit is raised brings it in.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { processInboundEmail, retryInboundEmail } from "../../app/services/email/process-inbound.server";
import { composeMail, emailShop, postRaw, testEmailConfig, testInboundDeps } from "./support";

const KB = 1024;

function limited(overrides: Partial<ReturnType<typeof testEmailConfig>["limits"]> = {}) {
  const config = testEmailConfig();
  return { ...config, limits: { ...config.limits, attachmentBytes: 100 * KB, attachmentsPerMessage: 3, ...overrides } };
}

describe("inbound attachments", () => {
  it("stores accepted attachments on disk and links them to the message", async () => {
    const { shop, alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, limited());
    const photo = Buffer.alloc(50 * KB, 7);
    const response = await postRaw(deps, await composeMail({
      from: "a@example.com", to: alias, subject: "Broken lamp", text: "See photos",
      attachments: [
        { filename: "lamp.jpg", content: photo, contentType: "image/jpeg" },
        { filename: "レシート.pdf", content: Buffer.from("%PDF-1.4"), contentType: "application/pdf" },
      ],
    }));
    expect(response.status).toBe(200);
    const attachments = await prisma.attachment.findMany({ where: { messageId: response.body.messageId as string }, orderBy: { filename: "asc" } });
    expect(attachments.map(({ filename, contentType, sizeBytes, shopId }) => ({ filename, contentType, sizeBytes, shopId }))).toEqual([
      { filename: "lamp.jpg", contentType: "image/jpeg", sizeBytes: 50 * KB, shopId: shop.id },
      { filename: "レシート.pdf", contentType: "application/pdf", sizeBytes: 8, shopId: shop.id },
    ]);
    const lamp = attachments.find((attachment) => attachment.filename === "lamp.jpg")!;
    expect(lamp.storageKey).toMatch(new RegExp(`^attachments/${shop.id}/[^/]+/1-lamp\\.jpg$`));
    expect((await readFile(path.join(deps.config.storageDir, lamp.storageKey))).equals(photo)).toBe(true);
  });

  it("answers 413 for an attachment over the limit, keeps the email, and takes it on retry once the limit allows", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, limited());
    const mime = await composeMail({ from: "b@example.com", to: alias, subject: "Video", text: "Here is the video", messageId: "<big@example.com>",
      attachments: [{ filename: "unboxing.mp4", content: Buffer.alloc(150 * KB, 1), contentType: "video/mp4" }] });
    const refused = await postRaw(deps, mime);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toBe("attachment unboxing.mp4 is 0.1 MB, over the 0.1 MB limit");
    const row = await prisma.inboundEmail.findUniqueOrThrow({ where: { id: refused.body.inboundEmailId as string } });
    expect(row).toMatchObject({ status: "rejected", error: refused.body.error, messageId: null });
    expect((await deps.store.get(row.rawKey)).equals(mime)).toBe(true);
    expect(await prisma.message.count({ where: { channelMessageId: "<big@example.com>" } })).toBe(0);

    // WHEN an operator raises the limit and retries the kept email
    const retried = await retryInboundEmail({ ...deps, config: { ...deps.config, limits: { ...deps.config.limits, attachmentBytes: 200 * KB } } }, row.id);
    expect(retried.status).toBe(200);
    expect(await prisma.inboundEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "processed" });
    expect(await prisma.attachment.count({ where: { messageId: retried.body.status === "processed" ? retried.body.messageId : "" } })).toBe(1);
  });

  it("answers 413 for too many attachments and 415 for a refused type (by type or by name)", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, limited());
    const many = await postRaw(deps, await composeMail({ from: "c@example.com", to: alias, subject: "Many", text: "x",
      attachments: [1, 2, 3, 4].map((n) => ({ filename: `p${n}.png`, content: Buffer.from("png"), contentType: "image/png" })) }));
    expect(many).toMatchObject({ status: 413, body: { error: "4 attachments, over the limit of 3" } });

    const exe = await postRaw(deps, await composeMail({ from: "c@example.com", to: alias, subject: "Invoice", text: "x",
      attachments: [{ filename: "invoice.exe", content: Buffer.from("MZ"), contentType: "application/x-msdownload" }] }));
    expect(exe).toMatchObject({ status: 415, body: { error: "attachment invoice.exe (application/x-msdownload) is not an accepted type" } });

    const disguised = await postRaw(deps, await composeMail({ from: "c@example.com", to: alias, subject: "Invoice", text: "x",
      attachments: [{ filename: "invoice.pdf.html", content: Buffer.from("<script>"), contentType: "application/pdf" }] }));
    expect(disguised.status).toBe(415);
  });

  it("answers 422 for malformed MIME and keeps the bytes; 413 for a request over the message limit", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, limited({ messageBytes: 10 * KB }));
    const garbage = await postRaw(deps, Buffer.from("\u0000\u0001 this is not an email at all"));
    expect(garbage.status).toBe(422);
    expect(garbage.body.error).toMatch(/not a MIME message/);
    const row = await prisma.inboundEmail.findUniqueOrThrow({ where: { id: garbage.body.inboundEmailId as string } });
    expect(row.status).toBe("rejected");
    expect((await deps.store.get(row.rawKey)).toString("latin1")).toContain("this is not an email");

    const noSender = await postRaw(deps, Buffer.from(`To: ${alias}\r\nSubject: hi\r\n\r\nbody`));
    expect(noSender).toMatchObject({ status: 422, body: { error: "the message has no sender address (From)" } });

    const huge = await postRaw(deps, await composeMail({ from: "d@example.com", to: alias, subject: "Huge", text: "x".repeat(20 * KB) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatch(/byte message limit/);
    // Processing a kept payload again is safe and gives the same answer
    expect((await processInboundEmail(deps, row.id)).status).toBe(422);
  });
});
