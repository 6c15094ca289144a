// receiveInboundMessage on the real test database (SQLite, or PostgreSQL with TEST_DATABASE_URL).
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { AUTO_ACK_JOB } from "../../app/services/auto-ack.server";
import { IntakeValidationError, receiveInboundMessage, type InboundMessageInput } from "../../app/services/intake.server";
import { createShop } from "../factories";

const jobs = new EmbeddedJobQueue(prisma);
// Monday 2026-03-02, 10:00 in Berlin (UTC+1): inside the weekday 09:00–17:00 schedule used below.
const MONDAY_10 = new Date("2026-03-02T09:00:00.000Z");
const minutesAfter = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

async function shopWithHours() {
  const shop = await createShop(prisma);
  await prisma.businessSchedule.create({
    data: {
      shopId: shop.id,
      name: "Default",
      timezone: "Europe/Berlin",
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
    },
  });
  return shop;
}

function message(shopId: string, overrides: Partial<InboundMessageInput> = {}): InboundMessageInput {
  return {
    shopId,
    channel: "email",
    from: { email: "Ana@Example.com", name: "Ana Lima" },
    subject: "Where is my order?",
    bodyText: "Hi, my order #1042 has not arrived yet. Can you tell me where it is?",
    receivedAt: MONDAY_10,
    ...overrides,
  };
}

const receive = (input: InboundMessageInput) => receiveInboundMessage(prisma, input, { jobs });

describe("receiveInboundMessage: a new conversation", () => {
  it("creates customer, numbered ticket, message, triage, SLA, search document and timeline", async () => {
    // GIVEN a shop with business hours and its next ticket number
    const shop = await shopWithHours();
    // WHEN a customer writes during business hours
    const result = await receive(message(shop.id, { channelMessageId: "<m1@example.com>", orders: [{ shopifyOrderId: "gid://shopify/Order/42", orderName: "#1042" }] }));
    // THEN a ticket numbered from Shop.nextTicketNumber exists, triaged as an order question
    expect(result).toMatchObject({ ticketNumber: 1001, created: true, duplicate: false });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId }, include: { customer: true, orders: true, messages: true, search: true, slaPolicy: true } });
    expect(ticket).toMatchObject({ shopId: shop.id, status: "open", category: "order_status", channel: "email", unread: true, snippet: expect.stringContaining("has not arrived"), lastCustomerMessageAt: MONDAY_10, waitingSince: MONDAY_10 });
    expect(ticket.customer).toMatchObject({ email: "ana@example.com", displayName: "Ana Lima" });
    expect(ticket.orders).toEqual([expect.objectContaining({ orderName: "#1042", linkedBy: "customer" })]);
    expect(ticket.messages).toEqual([expect.objectContaining({ id: result.messageId, direction: "inbound", authorType: "customer", channelMessageId: "<m1@example.com>" })]);
    expect(Array.isArray(ticket.triageReasons) && ticket.triageReasons.length).toBeGreaterThan(0);
    // AND the order-question policy (30 business minutes) applies: due 10:30 Berlin
    expect(ticket.slaPolicy?.name).toMatch(/Order questions/);
    expect(ticket.firstResponseDueAt).toEqual(minutesAfter(MONDAY_10, 30));
    expect(ticket.slaDueAt).toEqual(minutesAfter(MONDAY_10, 30));
    expect(result.expectedReplyBy).toEqual(minutesAfter(MONDAY_10, 30));
    // AND the search document knows subject, customer, order and text
    expect(ticket.search?.body).toMatch(/Where is my order\?[\s\S]*ana@example.com[\s\S]*#1042/);
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["created", "automation", "order_linked"]));
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).nextTicketNumber).toBe(1002);
    // AND inside business hours, no auto-acknowledgement is scheduled
    expect(await prisma.job.count({ where: { shopId: shop.id, name: AUTO_ACK_JOB } })).toBe(0);
  });

  it("numbers concurrent new tickets uniquely", async () => {
    const shop = await createShop(prisma);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => receive(message(shop.id, { from: { email: `c${i}@example.com` }, channelMessageId: `<c${i}@x>` }))),
    );
    expect(new Set(results.map((r) => r.ticketNumber))).toEqual(new Set([1001, 1002, 1003, 1004, 1005, 1006]));
  });

  it("matches the customer by Shopify id, then email (any case), then phone, within the shop only", async () => {
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const foreign = await prisma.customer.create({ data: { shopId: other.id, email: "ana@example.com" } });
    const byShopifyId = await prisma.customer.create({ data: { shopId: shop.id, shopifyCustomerId: "gid://shopify/Customer/7", email: "old@example.com" } });
    const byEmail = await prisma.customer.create({ data: { shopId: shop.id, email: "ana@example.com" } });
    const byPhone = await prisma.customer.create({ data: { shopId: shop.id, phone: "+4915112345678" } });

    const a = await receive(message(shop.id, { from: { shopifyCustomerId: "gid://shopify/Customer/7", email: "ANA@example.com" } }));
    const b = await receive(message(shop.id, { from: { email: "ANA@Example.com", name: "Ana" } }));
    const c = await receive(message(shop.id, { from: { phone: "+49 151 1234-5678", name: "Caller" } }));
    const d = await receive(message(shop.id, { from: { email: "new@example.com" } }));

    const customerOf = async (ticketId: string) => (await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).customerId;
    expect(await customerOf(a.ticketId)).toBe(byShopifyId.id);
    expect(await customerOf(b.ticketId)).toBe(byEmail.id);
    expect(await customerOf(c.ticketId)).toBe(byPhone.id);
    const created = await customerOf(d.ticketId);
    expect([foreign.id, byShopifyId.id, byEmail.id, byPhone.id]).not.toContain(created);
    // Missing details are filled in, never overwritten
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: byEmail.id } })).toMatchObject({ displayName: "Ana", email: "ana@example.com" });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: byShopifyId.id } })).toMatchObject({ email: "old@example.com" });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: byPhone.id } })).toMatchObject({ displayName: "Caller" });
  });

  it("answers a repeated channel message id with the first result and stores nothing, also when deliveries race", async () => {
    const shop = await createShop(prisma);
    const first = await receive(message(shop.id, { channelMessageId: "<dup@x>" }));
    const again = await receive(message(shop.id, { channelMessageId: "<dup@x>", bodyText: "changed text" }));
    expect(again).toEqual({ ...first, created: false, duplicate: true });
    const raced = await Promise.all([1, 2, 3].map(() => receive(message(shop.id, { channelMessageId: "<race@x>" }))));
    expect(new Set(raced.map((r) => r.messageId)).size).toBe(1);
    expect(raced.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await prisma.message.count({ where: { shopId: shop.id } })).toBe(2);
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(2);
  });

  it("rejects bad input with field errors", async () => {
    const shop = await createShop(prisma);
    await expect(receive(message(shop.id, { channel: "pigeon" as never }))).rejects.toBeInstanceOf(IntakeValidationError);
    await expect(receive(message(shop.id, { subject: " ", bodyText: "  " }))).rejects.toMatchObject({ errors: { bodyText: "empty message" } });
  });
});

describe("receiveInboundMessage: triage, escalation and automation", () => {
  it("escalates an L1 message: urgent, alert notifications, automation off, no auto-acknowledgement", async () => {
    const shop = await shopWithHours();
    const supervisor = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "9", name: "Sue", role: "supervisor" } });
    const saturdayNight = new Date("2026-03-07T22:00:00.000Z"); // closed
    const result = await receive(message(shop.id, { subject: "Chargeback", bodyText: "I am filing a chargeback with my bank and contacting my lawyer. This is fraud.", receivedAt: saturdayNight }));
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    expect(ticket).toMatchObject({ severity: "L1", priority: "urgent", automationDisabled: true });
    expect(ticket.escalatedAt).toEqual(saturdayNight);
    // L1 counts calendar time: 1 h even on a Saturday night
    expect(ticket.firstResponseDueAt).toEqual(minutesAfter(saturdayNight, 60));
    const alerts = await prisma.notification.findMany({ where: { shopId: shop.id, kind: "l1_alert" } });
    expect(alerts).toEqual([expect.objectContaining({ agentId: supervisor.id, ticketId: ticket.id, title: expect.stringContaining(`#${ticket.number}`) })]);
    expect(await prisma.job.count({ where: { shopId: shop.id, name: AUTO_ACK_JOB } })).toBe(0);
  });

  it("schedules one auto-acknowledgement per ticket per closed period", async () => {
    const shop = await shopWithHours();
    const fridayEvening = new Date("2026-03-06T19:00:00.000Z"); // 20:00 Berlin, closed until Monday 09:00
    const first = await receive(message(shop.id, { receivedAt: fridayEvening }));
    await receive(message(shop.id, { ticketId: first.ticketId, bodyText: "Any news?", receivedAt: minutesAfter(fridayEvening, 30) }));
    const jobsOfShop = await prisma.job.findMany({ where: { shopId: shop.id, name: AUTO_ACK_JOB } });
    expect(jobsOfShop).toHaveLength(1);
    expect(jobsOfShop[0]).toMatchObject({ runAt: minutesAfter(fridayEvening, 1), dedupeKey: `${AUTO_ACK_JOB}:auto_ack:${first.ticketId}:closed:2026-03-09T08:00:00.000Z` });
    // The promise: first response by Monday 09:30 Berlin (30 business minutes)
    expect(first.expectedReplyBy).toEqual(new Date("2026-03-09T08:30:00.000Z"));
  });

  it("records an auto-submitted message without SLA, answer or acknowledgement", async () => {
    const shop = await shopWithHours();
    const result = await receive(message(shop.id, { subject: "Automatic reply: Out of office", bodyText: "I am out of the office until Monday.", autoSubmitted: true, receivedAt: new Date("2026-03-07T10:00:00Z") }));
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId }, include: { tags: true } });
    expect(ticket).toMatchObject({ slaPolicyId: null, slaDueAt: null, waitingSince: null, automationDisabled: true });
    expect(ticket.tags.map((t) => t.tag)).toContain("auto_submitted");
    expect(result.expectedReplyBy).toBeNull();
    expect(await prisma.job.count({ where: { shopId: shop.id, name: AUTO_ACK_JOB } })).toBe(0);
  });
});

describe("receiveInboundMessage: appending to a ticket", () => {
  it("reopens a resolved ticket, restarts the next-response clock and credits the resolved time", async () => {
    const shop = await shopWithHours();
    const first = await receive(message(shop.id));
    // The agent replied at 10:10 and resolved it
    const repliedAt = minutesAfter(MONDAY_10, 10);
    await prisma.ticket.update({ where: { id: first.ticketId }, data: { firstRespondedAt: repliedAt, lastAgentMessageAt: repliedAt, waitingSince: null, status: "resolved", resolvedAt: repliedAt, slaDueAt: null } });
    // WHEN the customer writes again at 11:00
    const later = minutesAfter(MONDAY_10, 60);
    const result = await receive(message(shop.id, { ticketId: first.ticketId, bodyText: "Thanks, but the tracking link does not work.", receivedAt: later }));
    expect(result).toMatchObject({ ticketId: first.ticketId, ticketNumber: first.ticketNumber, created: false, duplicate: false });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: first.ticketId } });
    expect(ticket).toMatchObject({ status: "open", reopenCount: 1, resolvedAt: null, waitingSince: later, lastCustomerMessageAt: later, unread: true });
    // next response: 60 business minutes for order questions, from 11:00
    expect(ticket.nextResponseDueAt).toEqual(minutesAfter(later, 60));
    expect(ticket.slaDueAt).toEqual(minutesAfter(later, 60));
    expect(result.expectedReplyBy).toEqual(minutesAfter(later, 60));
    expect(ticket.slaPausedMinutes).toBe(50); // 10:10–11:00 resolved
    const statusEvents = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "status_changed" } });
    expect(statusEvents).toEqual([expect.objectContaining({ data: expect.objectContaining({ from: "resolved", to: "open" }) })]);
  });

  it("ends a pause (pending) and only raises severity and priority", async () => {
    const shop = await shopWithHours();
    const first = await receive(message(shop.id));
    const pausedAt = minutesAfter(MONDAY_10, 5);
    await prisma.ticket.update({ where: { id: first.ticketId }, data: { firstRespondedAt: pausedAt, lastAgentMessageAt: pausedAt, waitingSince: null, status: "pending", slaPausedAt: pausedAt, slaDueAt: null, priority: "high" } });
    const later = minutesAfter(MONDAY_10, 45);
    await receive(message(shop.id, { ticketId: first.ticketId, bodyText: "hello?", receivedAt: later }));
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: first.ticketId } });
    expect(ticket).toMatchObject({ status: "open", slaPausedAt: null, slaPausedMinutes: 40, priority: "high", severity: "L3", category: "order_status" });
    expect(ticket.slaDueAt).toEqual(minutesAfter(later, 60));
  });

  it("follows a merged ticket to the one it was merged into, and never appends across shops", async () => {
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const target = await receive(message(shop.id));
    const source = await receive(message(shop.id, { from: { email: "b@example.com" } }));
    await prisma.ticket.update({ where: { id: source.ticketId }, data: { mergedIntoId: target.ticketId, status: "closed" } });
    const appended = await receive(message(shop.id, { ticketId: source.ticketId, bodyText: "more" }));
    expect(appended.ticketId).toBe(target.ticketId);
    const foreign = await receive(message(other.id, { ticketId: target.ticketId, bodyText: "not yours" }));
    expect(foreign).toMatchObject({ created: true });
    expect(foreign.ticketId).not.toBe(target.ticketId);
  });
});
