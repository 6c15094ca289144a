// Mail loops: auto-replies, bounces and list mail are recorded on a ticket but never answered (no
// auto-acknowledgement is scheduled for them, the ticket is human-only), while a person's mail is.
import { afterAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { composeOutboundEmail } from "../../app/services/email/compose-outbound.server";
import { autoSubmittedReason } from "../../app/services/email/loop-detection";
import { composeMail, emailShop, postRaw, testEmailConfig, testInboundDeps } from "./support";

// Acknowledge whenever one ticket waits (during business hours too), so a missing ack means "refused".
const ACK_ALWAYS = { autoAck: { enabled: true, outsideBusinessHours: true, queueThreshold: 1, delaySeconds: 60, templateKey: "auto_ack_out_of_hours" } };

const BOUNCE = [
  "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>",
  "To: {alias}",
  "Subject: Undelivered Mail Returned to Sender",
  "Message-ID: <bounce-{n}@mx.example.net>",
  "MIME-Version: 1.0",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  "",
  "--b1",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "This is the mail system. Your message could not be delivered.",
  "--b1",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.example.net",
  "",
  "Final-Recipient: rfc822; nobody@example.com",
  "Action: failed",
  "Status: 5.1.1",
  "--b1--",
  "",
].join("\r\n");

const shopIds: string[] = [];

// The acknowledgements these tests schedule are not theirs to run: leave no due jobs for later files.
afterAll(async () => {
  await prisma.job.deleteMany({ where: { name: "ticket.auto-ack", shopId: { in: shopIds } } });
});

async function ackJobs(shopId: string) {
  shopIds.push(shopId);
  return prisma.job.count({ where: { shopId, name: "ticket.auto-ack" } });
}

describe("loop prevention", () => {
  it.each([
    ["an out-of-office reply (Auto-Submitted)", { headers: { "Auto-Submitted": "auto-replied" } }, /Auto-Submitted: auto-replied/],
    ["bulk mail (Precedence: bulk)", { headers: { Precedence: "bulk" } }, /Precedence: bulk/],
    ["list mail (Precedence: list)", { headers: { Precedence: "list", "List-Id": "<news.example.com>" } }, /Precedence: list/],
    ["junk (Precedence: junk)", { headers: { Precedence: "junk" } }, /Precedence: junk/],
    ["a postmaster notice", { from: "postmaster@example.com" }, /sender postmaster@example.com/],
    ["our own sender coming back", { from: "support@mail.shopdesk.test" }, /Shopdesk itself/],
    ["a reply address of ours as sender", { from: "reply+abc.0123@inbound.shopdesk.test" }, /inbound domain/],
  ] as Array<[string, { from?: string; headers?: Record<string, string> }, RegExp]>)("records %s without answering it", async (_name, variant, reason) => {
    // GIVEN a shop that acknowledges every new ticket
    const { shop, alias } = await emailShop(prisma, ACK_ALWAYS);
    const deps = testInboundDeps(prisma);
    // WHEN the robot's mail arrives
    const mime = await composeMail({ from: variant.from ?? "auto@example.com", to: alias, subject: "Out of office", text: "I am away until Monday.", headers: variant.headers ?? {} });
    const response = await postRaw(deps, mime);
    // THEN it is on a ticket, marked, and nothing will answer it
    expect(response.status).toBe(200);
    expect(String(response.body.autoSubmitted)).toMatch(reason);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string }, include: { ticket: true } });
    expect(message.isAutomated).toBe(true);
    expect(message.ticket).toMatchObject({ automationDisabled: true, slaDueAt: null, waitingSince: null });
    expect(await ackJobs(shop.id)).toBe(0);
    expect(await prisma.inboundEmail.findUniqueOrThrow({ where: { id: response.body.inboundEmailId as string } })).toMatchObject({ status: "processed", error: expect.stringMatching(/^not answered/) });
  });

  it("records a bounce (multipart/report from MAILER-DAEMON) on a ticket of its own, without answering", async () => {
    const { shop, alias } = await emailShop(prisma, ACK_ALWAYS);
    const deps = testInboundDeps(prisma);
    const person = await postRaw(deps, await composeMail({ from: "nobody@example.com", to: alias, subject: "Question", text: "Hi", messageId: "<q1@example.com>" }));
    expect(await ackJobs(shop.id)).toBe(1); // the person's mail is acknowledged: the setting is live

    const bounce = Buffer.from(BOUNCE.replace("{alias}", alias).replace("{n}", "1"));
    const response = await postRaw(deps, bounce);
    expect(response.status).toBe(200);
    expect(String(response.body.autoSubmitted)).toMatch(/multipart\/report|MAILER-DAEMON/i);
    expect(await ackJobs(shop.id)).toBe(1);
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: response.body.ticketId as string } });
    expect(ticket.automationDisabled).toBe(true);
    expect(person.body.ticketId).not.toBe(ticket.id);
  });

  it("threads a bounce of our own mail to its ticket and marks that message bounced", async () => {
    // GIVEN a reply we sent, and the receiving server's delivery report about it (sent to our From address)
    const { shop, alias } = await emailShop(prisma, ACK_ALWAYS);
    const deps = testInboundDeps(prisma);
    const first = await postRaw(deps, await composeMail({ from: "gone@example.com", to: alias, subject: "Question", text: "Hi", messageId: "<g1@example.com>" }));
    const ticketId = first.body.ticketId as string;
    const sent = await prisma.message.create({
      data: { shopId: shop.id, ticketId, direction: "outbound", authorType: "agent", bodyText: "Answer", channel: "email", deliveryStatus: "sent" },
    });
    const ourId = `<shopdesk.${sent.id}@${deps.config.inboundDomain}>`;
    const report = BOUNCE.replace("{alias}", deps.config.from.address).replace("{n}", "2").replace(
      "--b1--",
      ["--b1", "Content-Type: text/rfc822-headers", "", `Message-ID: ${ourId}`, "Subject: Re: Question [#1]", "--b1--"].join("\r\n"),
    );
    const jobsBefore = await ackJobs(shop.id);
    // WHEN the report arrives
    const response = await postRaw(deps, Buffer.from(report));
    // THEN it is on the same ticket, not answered, and the message reads as bounced with the reason
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ticketId, threadedBy: "message_id" });
    expect(String(response.body.autoSubmitted)).toMatch(/multipart\/report/);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ deliveryStatus: "bounced", deliveryError: "Status 5.1.1" });
    expect(await ackJobs(shop.id)).toBe(jobsBefore);
  });

  it("marks our automated mail Auto-Submitted and asks autoresponders to stay quiet", () => {
    const config = testEmailConfig();
    const mail = composeOutboundEmail(config, {
      message: { id: "m1", bodyText: "We got your message.", bodyHtml: null, inReplyTo: null, isAutomated: true },
      ticket: { id: "t1", shopId: "s1", number: 1042, subject: "Help" },
      customer: { email: "c@example.com", displayName: null },
      shop: { name: "Shop", settings: null },
      threadMessageIds: [],
    });
    expect(mail.headers).toMatchObject({ "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "OOF, AutoReply" });
    // …and an auto-reply to it would be recognised as one
    expect(autoSubmittedReason({ headers: new Map([["auto-submitted", "auto-replied"]]), fromAddress: "c@example.com", contentType: "text/plain", ownAddresses: [] })).toMatch(/Auto-Submitted/);
    expect(autoSubmittedReason({ headers: new Map([["auto-submitted", "no"]]), fromAddress: "c@example.com", contentType: "text/plain", ownAddresses: [] })).toBeNull();
  });
});
