// Auto-acknowledgement: scheduled by intake outside business hours (or on a long queue), sent by the
// ticket.auto-ack job once per ticket per closed period, respecting quiet hours and the cap, never a
// first response. Real database; the job runs with a fixed clock.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createAutoAckJob } from "../../app/jobs/definitions/auto-ack.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { silentLogger, type JobContext } from "../../app/jobs/types";
import { seedTemplateLibrary } from "../../app/models/templates-seed.server";
import { AUTO_ACK_JOB } from "../../app/services/auto-ack.server";
import type { OutboundMessage } from "../../app/services/channels/channel-adapter";
import { receiveInboundMessage, type InboundMessageInput } from "../../app/services/intake.server";
import { sendMessage } from "../../app/services/send-reply.server";
import { createShop } from "../factories";

const queue = new EmbeddedJobQueue(prisma);
const sent: OutboundMessage[] = [];
const autoAckJob = createAutoAckJob({ queue: () => queue, adapterFor: (channel) => ({ channel, send: async (m) => (sent.push(m), { channelMessageId: `x-${m.messageId}`, status: "sent" as const }) }) });
const ctxAt = (now: Date): JobContext => ({ db: prisma, now, jobId: "test", attempt: 1, log: silentLogger });
const FRIDAY_20 = new Date("2026-03-06T19:00:00.000Z"); // 20:00 Berlin: closed until Monday 09:00
const minutes = (n: number, base = FRIDAY_20) => new Date(base.getTime() + n * 60_000);

async function shop(settings?: object) {
  const created = await createShop(prisma);
  if (settings) await prisma.shop.update({ where: { id: created.id }, data: { settings } });
  await prisma.businessSchedule.create({
    data: { shopId: created.id, name: "Default", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) },
  });
  return created.id;
}

const inbound = (shopId: string, overrides: Partial<InboundMessageInput> = {}): InboundMessageInput => ({
  shopId,
  channel: "email",
  from: { email: `c-${Math.random().toString(36).slice(2, 8)}@example.com`, name: "Mia" },
  subject: "Sizing",
  bodyText: "Does this jacket come in size XL?",
  receivedAt: FRIDAY_20,
  ...overrides,
});

async function runDueAutoAcks(shopId: string, now: Date) {
  const due = await prisma.job.findMany({ where: { shopId, name: AUTO_ACK_JOB, status: "queued", runAt: { lte: now } }, orderBy: { runAt: "asc" } });
  for (const job of due) {
    await autoAckJob.run(job.payload, ctxAt(now));
    await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
  }
  return due.length;
}

describe("auto-acknowledgement", () => {
  it("outside business hours: one reply from the template with the expected reply time; not a first response", async () => {
    // GIVEN a shop with the seeded template library, and a message on Friday evening
    const shopId = await shop();
    await seedTemplateLibrary(prisma, shopId);
    const result = await receiveInboundMessage(prisma, inbound(shopId), { jobs: queue });
    const before = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    // WHEN the delayed job runs a minute later, and again (a rerun after a lost worker)
    expect(await runDueAutoAcks(shopId, minutes(1))).toBe(1);
    await autoAckJob.run((await prisma.job.findFirstOrThrow({ where: { shopId, name: AUTO_ACK_JOB } })).payload, ctxAt(minutes(2)));
    // THEN one automated outbound message stating when a human replies (Monday 09:30 Berlin)
    const messages = await prisma.message.findMany({ where: { ticketId: result.ticketId, direction: "outbound" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ authorType: "automation", isAutomated: true, deliveryStatus: "sent" });
    expect(messages[0].templateId).not.toBeNull();
    expect(messages[0].bodyText).toMatch(/You can expect a reply by Monday/);
    expect(messages[0].bodyText).toContain(`#${result.ticketNumber}`);
    expect(sent.filter((m) => m.ticketId === result.ticketId)).toHaveLength(1);
    expect(await prisma.automatedSend.count({ where: { ticketId: result.ticketId, kind: "auto_ack", status: "sent" } })).toBe(1);
    // AND the SLA is untouched: no first response, same due time
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    expect(after).toMatchObject({ firstRespondedAt: null, firstResponseDueAt: before.firstResponseDueAt, slaDueAt: before.slaDueAt, waitingSince: before.waitingSince });
  });

  it("waits for the end of the customer's quiet hours, and acknowledges again in the next closed period only", async () => {
    const shopId = await shop();
    // Saturday 23:00 Berlin: quiet → Sunday 08:00 Berlin, still before Monday's opening
    const saturdayNight = new Date("2026-03-07T22:00:00.000Z");
    const result = await receiveInboundMessage(prisma, inbound(shopId, { receivedAt: saturdayNight }), { jobs: queue });
    await runDueAutoAcks(shopId, minutes(1, saturdayNight));
    expect(await prisma.message.count({ where: { ticketId: result.ticketId, direction: "outbound" } })).toBe(0);
    const deferred = await prisma.job.findFirstOrThrow({ where: { shopId, name: AUTO_ACK_JOB, status: "queued" } });
    expect(deferred.runAt).toEqual(new Date("2026-03-08T07:00:00.000Z"));
    await runDueAutoAcks(shopId, deferred.runAt);
    expect(await prisma.message.count({ where: { ticketId: result.ticketId, direction: "outbound", isAutomated: true } })).toBe(1);
    // A follow-up the same weekend: no second acknowledgement
    await receiveInboundMessage(prisma, inbound(shopId, { ticketId: result.ticketId, bodyText: "hello?", receivedAt: new Date("2026-03-08T10:00:00.000Z") }), { jobs: queue });
    await runDueAutoAcks(shopId, new Date("2026-03-08T10:05:00.000Z"));
    expect(await prisma.message.count({ where: { ticketId: result.ticketId, direction: "outbound", isAutomated: true } })).toBe(1);
    // The next weekend is another closed period: a new acknowledgement may go out (cap: 1 per 24 h is long past)
    const nextFriday = new Date("2026-03-13T19:00:00.000Z");
    await receiveInboundMessage(prisma, inbound(shopId, { ticketId: result.ticketId, bodyText: "still waiting", receivedAt: nextFriday }), { jobs: queue });
    await runDueAutoAcks(shopId, minutes(1, nextFriday));
    expect(await prisma.message.count({ where: { ticketId: result.ticketId, direction: "outbound", isAutomated: true } })).toBe(2);
  });

  it("is skipped when an agent answered first, when the ticket was escalated meanwhile, or over the per-customer cap", async () => {
    const shopId = await shop();
    const agent = await prisma.agent.create({ data: { shopId, shopifyStaffId: "1", name: "Alex" } });
    const answered = await receiveInboundMessage(prisma, inbound(shopId), { jobs: queue });
    await sendMessage(prisma, { shopId, ticketId: answered.ticketId, agent, kind: "reply", body: "On it!", now: minutes(0.5), adapterFor: (channel) => ({ channel, send: async () => ({ channelMessageId: "y", status: "sent" }) }) });
    const escalated = await receiveInboundMessage(prisma, inbound(shopId), { jobs: queue });
    await prisma.ticket.update({ where: { id: escalated.ticketId }, data: { escalatedAt: minutes(0.5) } });
    // The same customer already received an automated message two hours ago
    const capped = await receiveInboundMessage(prisma, inbound(shopId, { from: { email: "capped@example.com" } }), { jobs: queue });
    const cappedCustomer = (await prisma.ticket.findUniqueOrThrow({ where: { id: capped.ticketId } })).customerId;
    await prisma.automatedSend.create({ data: { shopId, customerId: cappedCustomer, kind: "shipping_confirmation", eventKey: `evt-${capped.ticketId}`, createdAt: minutes(-120) } });

    await runDueAutoAcks(shopId, minutes(1));
    const sends = await prisma.automatedSend.findMany({ where: { shopId, kind: "auto_ack" } });
    const reasonOf = (ticketId: string) => sends.find((s) => s.ticketId === ticketId);
    expect(reasonOf(answered.ticketId)).toMatchObject({ status: "skipped", reason: "answered" });
    expect(reasonOf(escalated.ticketId)).toMatchObject({ status: "skipped", reason: "human_only" });
    expect(reasonOf(capped.ticketId)).toMatchObject({ status: "skipped", reason: "quiet_hours:cap" });
    expect(await prisma.message.count({ where: { shopId, isAutomated: true, direction: "outbound" } })).toBe(0);
  });

  it("during business hours only when the first-reply queue is at the threshold", async () => {
    const shopId = await shop({ autoAck: { enabled: true, outsideBusinessHours: true, queueThreshold: 3, delaySeconds: 0, templateKey: "auto_ack_received" } });
    const monday10 = new Date("2026-03-09T09:00:00.000Z");
    for (let i = 0; i < 2; i++) await receiveInboundMessage(prisma, inbound(shopId, { receivedAt: monday10 }), { jobs: queue });
    expect(await prisma.job.count({ where: { shopId, name: AUTO_ACK_JOB } })).toBe(0);
    const third = await receiveInboundMessage(prisma, inbound(shopId, { receivedAt: monday10 }), { jobs: queue });
    const jobs = await prisma.job.findMany({ where: { shopId, name: AUTO_ACK_JOB } });
    expect(jobs.map((job) => (job.payload as { ticketId: string; reason: string }).ticketId)).toEqual([third.ticketId]);
    await runDueAutoAcks(shopId, monday10);
    expect(await prisma.automatedSend.findFirst({ where: { ticketId: third.ticketId } })).toMatchObject({ status: "sent", reason: "queue" });
  });

  it("sends a triage rule's auto-reply template once, also during business hours", async () => {
    // GIVEN a rule "size questions get the size guide" with an approved template
    const shopId = await shop();
    const template = await prisma.template.create({
      data: { shopId, name: "Size guide", category: "product_question", variants: { create: { language: "en", body: "Hi {{ customer.first_name | default: \"there\" }}, our size guide: https://example.com/sizes (ticket #{{ ticket.number }})" } } },
    });
    await prisma.automationRule.create({
      data: {
        shopId, name: "Size guide", kind: "triage", trigger: "message_received", position: 1,
        conditions: { all: [{ field: "text", op: "contains_any", value: ["size"] }], any: [] },
        actions: [{ type: "auto_reply", templateId: template.id }],
      },
    });
    const monday10 = new Date("2026-03-09T09:00:00.000Z");
    // WHEN a size question arrives (open hours: no acknowledgement) and the delayed job runs twice
    const result = await receiveInboundMessage(prisma, inbound(shopId, { receivedAt: monday10, bodyText: "Which size should I take? I'm usually an M." }), { jobs: queue });
    await runDueAutoAcks(shopId, minutes(2, monday10));
    const job = await prisma.job.findFirstOrThrow({ where: { shopId, name: AUTO_ACK_JOB } });
    await autoAckJob.run(job.payload, ctxAt(minutes(3, monday10)));
    // THEN one reply from the rule's template, recorded as a rule reply, not a first response
    const replies = await prisma.message.findMany({ where: { ticketId: result.ticketId, direction: "outbound" } });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ isAutomated: true, templateId: template.id, bodyText: expect.stringContaining("our size guide") });
    expect(await prisma.automatedSend.findFirst({ where: { ticketId: result.ticketId } })).toMatchObject({ kind: "rule_reply", status: "sent" });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId } })).firstRespondedAt).toBeNull();
  });

  it("sends once when two workers run the same acknowledgement at the same time", async () => {
    const shopId = await shop();
    const result = await receiveInboundMessage(prisma, inbound(shopId), { jobs: queue });
    const job = await prisma.job.findFirstOrThrow({ where: { shopId, name: AUTO_ACK_JOB } });
    await Promise.all([autoAckJob.run(job.payload, ctxAt(minutes(1))), autoAckJob.run(job.payload, ctxAt(minutes(1)))]);
    expect(await prisma.message.count({ where: { ticketId: result.ticketId, direction: "outbound" } })).toBe(1);
    expect(sent.filter((m) => m.ticketId === result.ticketId)).toHaveLength(1);
  });
});
