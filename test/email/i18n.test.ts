// Subjects and bodies in Chinese, Japanese and with emoji, both ways: inbound as real clients encode
// them (RFC 2047 encoded words in GB2312, ISO-2022-JP, Shift_JIS and UTF-8; base64 and QP bodies), and
// outbound through real SMTP (headers encoded, nothing raw 8-bit), read back intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEmailSendJob } from "../../app/jobs/definitions/email-send.server";
import { silentLogger } from "../../app/jobs/types";
import { createSmtpTransport } from "../../app/services/email/send-email.server";
import { startMailSink, type MailSink } from "../../dev/mail/sink";
import { emailShop, postRaw, testEmailConfig, testInboundDeps } from "./support";

// Bytes as the clients produce them (GB2312 and ISO-2022-JP / Shift_JIS encodings of the texts named).
const GB_SUBJECT = "udjT2s3Lv+61xM7KzOI="; // 关于退款的问题
const GB_BODY = "xPq6w6OsztK1xM3Lv+67ucO709C1vdXLoaM="; // 您好，我的退款还没有到账。
const JIS_SUBJECT = "GyRCJDRDbUo4JEskRCQkJEYbKEI="; // ご注文について
const JIS_BODY = "GyRCPiZJSiQsJF4kQEZPJCQkRiQkJF4kOyRzISMbKEINChskQiRoJG0kNyQvJCo0aiQkJDckXiQ5ISMbKEI="; // 商品がまだ届いていません。\r\nよろしくお願いします。
const SJIS_NAME = "jlKTY5G+mFk="; // 山田太郎

function mime(lines: string[]): Buffer {
  return Buffer.from(lines.join("\r\n"), "latin1");
}

describe("inbound RFC 2047 and charsets", () => {
  it("reads a GB2312 subject and base64 GB2312 body (Chinese)", async () => {
    const { alias } = await emailShop(prisma);
    const response = await postRaw(testInboundDeps(prisma), mime([
      "From: =?UTF-8?B?5p2O5piO?= <li.ming@example.cn>",
      `To: ${alias}`,
      `Subject: =?GB2312?B?${GB_SUBJECT}?=`,
      "Message-ID: <gb@example.cn>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=GB2312",
      "Content-Transfer-Encoding: base64",
      "",
      GB_BODY,
      "",
    ]));
    expect(response.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string }, include: { ticket: { include: { customer: true } } } });
    expect(message.ticket.subject).toBe("关于退款的问题");
    expect(message.bodyText).toBe("您好，我的退款还没有到账。");
    expect(message.authorName).toBe("李明");
    expect(message.ticket.customer?.displayName).toBe("李明");
  });

  it("reads an ISO-2022-JP subject and 7bit body, with a Shift_JIS sender name (Japanese)", async () => {
    const { alias } = await emailShop(prisma);
    const response = await postRaw(testInboundDeps(prisma), mime([
      `From: =?Shift_JIS?B?${SJIS_NAME}?= <yamada@example.jp>`,
      `To: ${alias}`,
      `Subject: =?ISO-2022-JP?B?${JIS_SUBJECT}?=`,
      "Message-ID: <jis@example.jp>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=ISO-2022-JP",
      "Content-Transfer-Encoding: 7bit",
      "",
      Buffer.from(JIS_BODY, "base64").toString("latin1"),
      "",
    ]));
    expect(response.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string }, include: { ticket: true } });
    expect(message.ticket.subject).toBe("ご注文について");
    expect(message.bodyText).toBe("商品がまだ届いていません。\nよろしくお願いします。");
    expect(message.authorName).toBe("山田太郎");
  });

  it("reads emoji in folded UTF-8 encoded words (Q and B) and a quoted-printable body", async () => {
    const { alias } = await emailShop(prisma);
    const response = await postRaw(testInboundDeps(prisma), mime([
      "From: Zoë <zoe@example.com>",
      `To: ${alias}`,
      // Two encoded words across a folded line: the space between them is not part of the text.
      "Subject: =?UTF-8?Q?Package_arrived_=F0=9F=93=A6?=",
      " =?UTF-8?B?IGJ1dCBicm9rZW4g8J+YoiDjgIHlo4rjgozjgabjgYTjgb7jgZk=?=",
      "Message-ID: <emoji@example.com>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "The mug is cracked =F0=9F=98=A2 =E2=80=94 can you send a new one? =F0=9F=99=8F=",
      "",
    ]));
    expect(response.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string }, include: { ticket: true } });
    expect(message.ticket.subject).toBe("Package arrived 📦 but broken 😢 、壊れています");
    expect(message.bodyText).toBe("The mug is cracked 😢 — can you send a new one? 🙏");
  });
});

describe("outbound encoding", () => {
  let sink: MailSink;
  beforeAll(async () => {
    sink = await startMailSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it.each([
    ["Chinese", "关于退款的问题", "您好，退款已经处理，3-5 个工作日到账。", "陈静"],
    ["Japanese", "ご注文について", "ご連絡ありがとうございます。新しい商品を本日発送しました。", "山田太郎"],
    ["emoji", "Your parcel 📦 is on its way 🚚", "Good news 🎉 — tracking: https://track.example/1Z999", "Zoë 🌸"],
  ])("sends %s subject, body and name encoded, and they read back intact", async (_language, subject, body, customerName) => {
    // GIVEN a ticket with a customer whose name and subject are not ASCII, and a queued reply
    const { shop } = await emailShop(prisma, { emailFromAddress: "help@shop.example", emailFromName: "商店 ストア 🛍" });
    const customer = await prisma.customer.create({ data: { shopId: shop.id, email: "c@example.com", displayName: customerName } });
    const ticket = await prisma.ticket.create({ data: { shopId: shop.id, number: 1042, subject, customerId: customer.id, channel: "email" } });
    const message = await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", bodyText: body, channel: "email", deliveryStatus: "queued" } });
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    const job = createEmailSendJob(() => ({ config, transport: createSmtpTransport(sink.smtpUrl) }));
    const before = sink.messages.at(-1)?.id ?? 0;

    // WHEN the send job runs against the SMTP sink
    await job.run({ shopId: shop.id, messageId: message.id }, { db: prisma, now: new Date(), jobId: "j", attempt: 1, log: silentLogger });

    // THEN the raw headers are 7-bit encoded words, and parsing gives the exact text back
    const captured = await sink.waitForMessage(before);
    const headerBlock = captured.raw.toString("latin1").split("\r\n\r\n")[0];
    expect([...headerBlock].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    expect(headerBlock).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    const mail = await sink.parse(captured);
    expect(mail.subject).toBe(`Re: ${subject} [#1042]`);
    expect(mail.text).toBe(body);
    expect(mail.html).toContain(body.split(" ")[0]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : null).toEqual({ address: "c@example.com", name: customerName });
    expect(mail.from?.value[0]).toEqual({ address: "help@shop.example", name: "商店 ストア 🛍" });
  });
});
