// A conversation by email end to end: the customer writes, the agent answers (real SMTP into the local
// sink, sent by the email.send job on the embedded runner), the customer answers the captured mail —
// three rounds — and every answer lands on the same ticket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEmailSendJob } from "../../app/jobs/definitions/email-send.server";
import { jobHandlers } from "../../app/jobs/registry";
import type { JobWorker } from "../../app/jobs/types";
import { createEmailChannelAdapter } from "../../app/services/email/email-adapter.server";
import { createSmtpTransport } from "../../app/services/email/send-email.server";
import { sendMessage } from "../../app/services/send-reply.server";
import { startMailSink, type MailSink } from "../../dev/mail/sink";
import { createHarness, type RunnerHarness } from "../jobs/support/runners";
import { composeMail, emailShop, postRaw, testEmailConfig, testInboundDeps } from "./support";

let sink: MailSink;
let harness: RunnerHarness;
let worker: JobWorker;
let config: ReturnType<typeof testEmailConfig>;

beforeAll(async () => {
  sink = await startMailSink();
  config = testEmailConfig({ smtpUrl: sink.smtpUrl });
  harness = createHarness("embedded", prisma);
  const transport = createSmtpTransport(sink.smtpUrl);
  worker = harness.startWorker(jobHandlers([createEmailSendJob(() => ({ config, transport }))]));
});

afterAll(async () => {
  await worker?.stop();
  await harness?.close();
  await sink?.close();
});

async function agentReply(shopId: string, ticketId: string, agent: { id: string; name: string }, body: string) {
  const adapter = createEmailChannelAdapter({ config: () => config, queue: () => harness.queue });
  const result = await sendMessage(prisma, { shopId, ticketId, agent, kind: "reply", body, force: true, adapterFor: () => adapter });
  if (result.kind !== "sent") throw new Error(`reply not stored: ${result.kind}`);
  return result.message;
}

describe("email threading", () => {
  it("keeps three rounds of replies on one ticket, threaded by the reply address", async () => {
    // GIVEN a shop and a customer's first email to its inbound alias
    const { shop, alias } = await emailShop(prisma);
    const agent = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "1", name: "Ana" } });
    const deps = testInboundDeps(prisma, config);
    const first = await composeMail({
      from: { name: "Léa Martin", address: "lea@example.com" },
      to: alias,
      subject: "Where is my order #1001?",
      text: "Hello, my parcel has not arrived yet.",
      messageId: "<first.lea@example.com>",
    });
    const created = await postRaw(deps, first);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: "processed", created: true, threadedBy: "new" });
    const ticketId = created.body.ticketId as string;
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });

    let lastCustomerMessageId = "<first.lea@example.com>";
    let seen = 0;
    for (let round = 1; round <= 3; round++) {
      // WHEN the agent replies: the job sends it through SMTP into the sink
      const reply = await agentReply(shop.id, ticketId, agent, `Round ${round}: we are checking with the carrier.`);
      expect(reply.deliveryStatus).toBe("queued");
      const captured = await sink.waitForMessage(seen);
      seen = captured.id;
      const mail = await sink.parse(captured);

      // THEN the mail threads in the customer's client and routes answers back
      expect(mail.subject).toBe(`Re: Where is my order #1001? [#${ticket.number}]`);
      expect(mail.inReplyTo).toBe(lastCustomerMessageId);
      expect(mail.references).toContain("<first.lea@example.com>");
      expect(mail.messageId).toBe(`<shopdesk.${reply.id}@${config.inboundDomain}>`);
      const replyTo = mail.replyTo?.value[0]?.address ?? "";
      expect(replyTo).toMatch(new RegExp(`^reply\\+${ticketId}\\.[a-f0-9]{20}@${config.inboundDomain.replace(/\./g, "\\.")}$`));
      expect(mail.text).toContain(`Round ${round}`);
      expect(mail.html).toContain(`Round ${round}`);
      expect(captured.envelope.to).toEqual(["lea@example.com"]);
      await expect.poll(async () => (await prisma.message.findUniqueOrThrow({ where: { id: reply.id } })).deliveryStatus).toBe("sent");

      // WHEN the customer answers that mail, quoting it, as a mail client does
      const customerMessageId = `<round${round}.lea@example.com>`;
      const answer = await composeMail({
        from: { name: "Léa Martin", address: "lea@example.com" },
        to: replyTo,
        subject: `Re: ${mail.subject}`,
        inReplyTo: mail.messageId,
        references: [...(Array.isArray(mail.references) ? mail.references : [mail.references ?? ""]), mail.messageId!].filter(Boolean),
        messageId: customerMessageId,
        text: `Thanks, answer ${round}.\n\nOn Mon, 23 Nov 2026 at 09:00, Shop <support@mail.shopdesk.test> wrote:\n> ${mail.text?.split("\n")[0]}\n`,
      });
      const landed = await postRaw(deps, answer);

      // THEN it lands on the same ticket, threaded by the reply token, the quote folded away
      expect(landed.status).toBe(200);
      expect(landed.body).toMatchObject({ ticketId, created: false, duplicate: false, threadedBy: "reply_token" });
      const stored = await prisma.message.findUniqueOrThrow({ where: { id: landed.body.messageId as string } });
      expect(stored.bodyText).toBe(`Thanks, answer ${round}.`);
      expect(stored.bodyHtml).toContain("wrote:");
      lastCustomerMessageId = customerMessageId;
    }
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await prisma.message.count({ where: { ticketId, direction: "inbound" } })).toBe(4);
    expect(await prisma.message.count({ where: { ticketId, direction: "outbound", deliveryStatus: "sent" } })).toBe(3);
  }, 60_000);

  it("threads without the reply address: by In-Reply-To to our Message-ID, then by subject and sender", async () => {
    const { shop, alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, config);
    const first = await postRaw(deps, await composeMail({ from: "kenji@example.jp", to: alias, subject: "返品について", text: "返品したいです。", messageId: "<k1@example.jp>" }));
    const ticketId = first.body.ticketId as string;

    // A reply to the shop's alias (the Reply-To dropped by the client) that names our earlier Message-ID
    const outbound = await prisma.message.create({
      data: { shopId: shop.id, ticketId, direction: "outbound", authorType: "agent", bodyText: "OK", channel: "email", deliveryStatus: "sent", channelMessageId: `<shopdesk.x1@${config.inboundDomain}>` },
    });
    const byId = await postRaw(deps, await composeMail({ from: "kenji@example.jp", to: alias, subject: "Re: 返品について", inReplyTo: `<shopdesk.${outbound.id}@${config.inboundDomain}>`, text: "ありがとう", messageId: "<k2@example.jp>" }));
    expect(byId.body).toMatchObject({ ticketId, threadedBy: "message_id" });

    // A reply whose References carry the customer's own first Message-ID (stored on the message)
    const byStored = await postRaw(deps, await composeMail({ from: "kenji@example.jp", to: alias, subject: "Re: 返品について", references: ["<k1@example.jp>"], text: "追伸", messageId: "<k3@example.jp>" }));
    expect(byStored.body).toMatchObject({ ticketId, threadedBy: "message_id" });

    // No ids at all: the same sender and subject (prefixes ignored)
    const bySubject = await postRaw(deps, await composeMail({ from: "Kenji <KENJI@example.jp>", to: alias, subject: "回复: Re: 返品について", text: "もう一度", messageId: "<k4@example.jp>" }));
    expect(bySubject.body).toMatchObject({ ticketId, threadedBy: "subject" });

    // Another sender with the same subject starts a ticket of their own
    const other = await postRaw(deps, await composeMail({ from: "someone@example.jp", to: alias, subject: "Re: 返品について", text: "私も", messageId: "<s1@example.jp>" }));
    expect(other.body).toMatchObject({ created: true, threadedBy: "new" });
    expect(other.body.ticketId).not.toBe(ticketId);
  });

  it("refuses a reply address with a forged signature (it starts nothing on that ticket)", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, config);
    const first = await postRaw(deps, await composeMail({ from: "a@example.com", to: alias, subject: "Hi", text: "Hello", messageId: "<a1@example.com>" }));
    const forged = await postRaw(deps, await composeMail({ from: "mallory@example.com", to: `reply+${first.body.ticketId}.00000000000000000000@${config.inboundDomain}`, subject: "Injected", text: "Hi", messageId: "<m1@example.com>" }));
    expect(forged.status).toBe(422);
    expect(forged.body.error).toMatch(/no shop for the recipients/);
    expect(await prisma.message.count({ where: { ticketId: first.body.ticketId as string } })).toBe(1);
    const row = await prisma.inboundEmail.findUniqueOrThrow({ where: { id: forged.body.inboundEmailId as string } });
    expect(row).toMatchObject({ status: "rejected" });
  });
});
