// Sending on the durable job runner: retries with backoff while SMTP refuses, a permanent refusal
// fails once, and a job that fails after SMTP accepted the mail never sends it a second time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEmailSendJob, EMAIL_SEND_JOB, emailSendDedupeKey, type EmailSendDeps } from "../../app/jobs/definitions/email-send.server";
import { jobHandlers } from "../../app/jobs/registry";
import { silentLogger } from "../../app/jobs/types";
import { createEmailChannelAdapter } from "../../app/services/email/email-adapter.server";
import { createSmtpTransport, UNCONFIRMED_NOTE } from "../../app/services/email/send-email.server";
import { startMailSink, type MailSink } from "../../dev/mail/sink";
import { createHarness, waitFor, type RunnerHarness } from "../jobs/support/runners";
import { emailShop, testEmailConfig } from "./support";

let sink: MailSink;
let harness: RunnerHarness;

beforeAll(async () => {
  sink = await startMailSink();
  harness = createHarness("embedded", prisma);
});

afterAll(async () => {
  await harness?.close();
  await sink?.close();
});

async function queuedReply(body: string) {
  const { shop } = await emailShop(prisma);
  const customer = await prisma.customer.create({ data: { shopId: shop.id, email: "retry@example.com", displayName: "Retry" } });
  const ticket = await prisma.ticket.create({ data: { shopId: shop.id, number: 7, subject: "Retry", customerId: customer.id, channel: "email" } });
  const message = await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", bodyText: body, channel: "email", deliveryStatus: "queued" } });
  return { shop, ticket, message };
}

function captured(body: string): number {
  return sink.messages.filter((mail) => mail.raw.toString("utf8").includes(body)).length;
}

/** Runs the message's email.send job on a worker until it is done or dead; returns its row. */
async function runToEnd(messageId: string, shopId: string, deps: EmailSendDeps) {
  const adapter = createEmailChannelAdapter({ config: () => deps.config, queue: () => harness.queue });
  await adapter.send({ shopId, ticketId: "", messageId, channel: "email", to: { name: null, email: "retry@example.com", phone: null }, subject: "Retry", bodyText: "", inReplyTo: null });
  const worker = harness.startWorker(jobHandlers([createEmailSendJob(() => deps)]));
  try {
    const key = emailSendDedupeKey(messageId);
    await waitFor(async () => ["done", "dead"].includes((await prisma.job.findUnique({ where: { dedupeKey: key } }))?.status ?? ""), 20_000, "the send job to finish");
    return prisma.job.findUniqueOrThrow({ where: { dedupeKey: key } });
  } finally {
    await worker.stop();
  }
}

describe("email.send retries", () => {
  it("never resends a mail SMTP accepted when the job fails afterwards (the retry records it instead)", async () => {
    // GIVEN a reply whose first attempt dies right after SMTP accepted it (a crash, the database gone)
    const { shop, message } = await queuedReply("accepted-then-crashed");
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    let crashes = 0;
    const deps: EmailSendDeps = {
      config,
      transport: createSmtpTransport(sink.smtpUrl),
      afterAccepted: async () => {
        if (crashes++ === 0) throw new Error("worker lost after SMTP accepted");
      },
    };
    // WHEN the runner retries the job
    const job = await runToEnd(message.id, shop.id, deps);
    // THEN the customer got exactly one mail, the job succeeded on its retry, the message reads as sent
    expect(job).toMatchObject({ name: EMAIL_SEND_JOB, status: "done", attempts: 2 });
    expect(captured("accepted-then-crashed")).toBe(1);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ deliveryStatus: "sent", deliveryError: UNCONFIRMED_NOTE });
  });

  it("retries with backoff while SMTP answers 451, then sends once", async () => {
    const { shop, message } = await queuedReply("temporarily-refused");
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    sink.rejectNext(2, 451);
    const job = await runToEnd(message.id, shop.id, { config, transport: createSmtpTransport(sink.smtpUrl) });
    expect(job).toMatchObject({ status: "done", attempts: 3 });
    expect(captured("temporarily-refused")).toBe(1);
    const sent = await prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(sent).toMatchObject({ deliveryStatus: "sent", deliveryError: null, channelMessageId: `<shopdesk.${message.id}@${config.inboundDomain}>` });
    expect(sent.sentAt).not.toBeNull();
  });

  it("fails at once on a permanent refusal (550), with one timeline entry", async () => {
    const { shop, ticket, message } = await queuedReply("permanently-refused");
    sink.rejectNext(1, 550);
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    const job = await runToEnd(message.id, shop.id, { config, transport: createSmtpTransport(sink.smtpUrl) });
    expect(job).toMatchObject({ status: "dead", attempts: 1 });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ deliveryStatus: "failed" });
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "message_failed" } });
    expect(events).toHaveLength(1);
    expect(captured("permanently-refused")).toBe(0);
  });

  it("gives up after its attempts while the SMTP server is unreachable, marking the message failed", async () => {
    const { shop, message } = await queuedReply("server-down");
    const config = testEmailConfig({ smtpUrl: "smtp://127.0.0.1:1" });
    const job = await runToEnd(message.id, shop.id, { config, transport: createSmtpTransport("smtp://127.0.0.1:1"), maxAttempts: 2 });
    expect(job.status).toBe("dead");
    const failed = await prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed.deliveryStatus).toBe("failed");
    expect(failed.deliveryError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("does nothing when a finished job runs again, and queues one job per message however often the adapter is asked", async () => {
    const { shop, message } = await queuedReply("run-twice");
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    const job = createEmailSendJob(() => ({ config, transport: createSmtpTransport(sink.smtpUrl) }));
    const ctx = { db: prisma, now: new Date(), jobId: "j", attempt: 1, log: silentLogger };
    await job.run({ shopId: shop.id, messageId: message.id }, ctx);
    await job.run({ shopId: shop.id, messageId: message.id }, { ...ctx, attempt: 2 });
    expect(captured("run-twice")).toBe(1);

    const adapter = createEmailChannelAdapter({ config: () => config, queue: () => harness.queue });
    const outbound = { shopId: shop.id, ticketId: "", messageId: "m-dedupe", channel: "email", to: { name: null, email: "x@example.com", phone: null }, subject: "s", bodyText: "b", inReplyTo: null };
    const first = await adapter.send(outbound);
    await adapter.send(outbound);
    expect(first).toEqual({ channelMessageId: `<shopdesk.m-dedupe@${config.inboundDomain}>`, status: "queued" });
    expect(await prisma.job.count({ where: { dedupeKey: emailSendDedupeKey("m-dedupe") } })).toBe(1);
    await prisma.job.deleteMany({ where: { dedupeKey: emailSendDedupeKey("m-dedupe") } });
    await expect(adapter.send({ ...outbound, to: { name: null, email: null, phone: null } })).rejects.toThrow(/no email address/);
  });
});
