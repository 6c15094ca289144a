// The applied SLA through a ticket's life: intake, edits, replies, pending, resolution, and breaches
// recorded once per target by the sweep. Real database (SQLite, or PostgreSQL with TEST_DATABASE_URL).
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { slaSweepJob } from "../../app/jobs/definitions/sla-sweep.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { silentLogger, type JobContext } from "../../app/jobs/types";
import { receiveInboundMessage } from "../../app/services/intake.server";
import { sendMessage } from "../../app/services/send-reply.server";
import { updateTickets } from "../../app/services/ticket-updates.server";
import { createShop } from "../factories";

const jobs = new EmbeddedJobQueue(prisma);
const T0 = new Date("2026-03-02T09:00:00.000Z"); // Monday 10:00 Berlin
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ctxAt = (now: Date): JobContext => ({ db: prisma, now, jobId: "test", attempt: 1, log: silentLogger });

async function productQuestion() {
  const shop = await createShop(prisma);
  await prisma.businessSchedule.create({
    data: { shopId: shop.id, name: "Default", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) },
  });
  const agent = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "1", name: "Alex" } });
  const result = await receiveInboundMessage(
    prisma,
    { shopId: shop.id, channel: "email", from: { email: "p@example.com" }, subject: "Sizing", bodyText: "Does this jacket come in size XL? What material is it made of?", receivedAt: T0 },
    { jobs },
  );
  return { shopId: shop.id, agent, ticketId: result.ticketId };
}

const ticketOf = (id: string) => prisma.ticket.findUniqueOrThrow({ where: { id }, include: { slaPolicy: true } });

describe("applied SLA", () => {
  it("picks the policy again and recomputes the due times when the category or priority changes", async () => {
    // GIVEN a product question (first reply within 4 business hours: 14:00)
    const { shopId, agent, ticketId } = await productQuestion();
    expect(await ticketOf(ticketId)).toMatchObject({ category: "product_question", firstResponseDueAt: minutes(240), slaDueAt: minutes(240) });
    // WHEN an agent files it as an order question at 10:05
    await updateTickets(prisma, { shopId, ticketIds: [ticketId], actorAgentId: agent.id, changes: { category: "order_status" }, now: minutes(5) });
    // THEN 30 minutes from creation apply
    const ticket = await ticketOf(ticketId);
    expect(ticket.slaPolicy?.name).toMatch(/Order questions/);
    expect(ticket).toMatchObject({ firstResponseDueAt: minutes(30), slaDueAt: minutes(30) });
    // AND severity L1 switches to the calendar-hour L1 policy
    await updateTickets(prisma, { shopId, ticketIds: [ticketId], actorAgentId: agent.id, changes: { severity: "L1" }, now: minutes(6) });
    expect((await ticketOf(ticketId)).slaPolicy?.name).toMatch(/^L1/);
  });

  it("a reply meets the first response; pending pauses; the customer's answer restarts next response with the pause credited; resolving stops the clocks", async () => {
    const { shopId, agent, ticketId } = await productQuestion();
    // WHEN the agent replies at 10:20 and marks the ticket pending
    const sent = await sendMessage(prisma, { shopId, ticketId, agent, kind: "reply", body: "Yes, XL is available.", thenStatus: "pending", now: minutes(20) });
    expect(sent.kind).toBe("sent");
    let ticket = await ticketOf(ticketId);
    expect(ticket).toMatchObject({ status: "pending", firstRespondedAt: minutes(20), nextResponseDueAt: null, slaPausedAt: minutes(20), slaDueAt: null, waitingSince: null });
    // WHEN the customer answers at 11:00
    await receiveInboundMessage(prisma, { shopId, channel: "email", from: { email: "p@example.com" }, subject: "Re: Sizing", bodyText: "Great, and the colour?", ticketId, receivedAt: minutes(60) }, { jobs });
    ticket = await ticketOf(ticketId);
    // THEN the next response is due 4 business hours later (15:00) and 40 paused minutes are credited
    expect(ticket).toMatchObject({ status: "open", slaPausedAt: null, slaPausedMinutes: 40, nextResponseDueAt: minutes(300), slaDueAt: minutes(300) });
    // WHEN resolved
    await updateTickets(prisma, { shopId, ticketIds: [ticketId], actorAgentId: agent.id, changes: { status: "resolved" }, now: minutes(70) });
    ticket = await ticketOf(ticketId);
    expect(ticket).toMatchObject({ status: "resolved", slaDueAt: null });
  });

  it("an internal note is not a response", async () => {
    const { shopId, agent, ticketId } = await productQuestion();
    await sendMessage(prisma, { shopId, ticketId, agent, kind: "note", body: "Check stock first", now: minutes(10) });
    expect(await ticketOf(ticketId)).toMatchObject({ firstRespondedAt: null, slaDueAt: minutes(240) });
  });

  it("records each breach once per target, also when a priority change moved the due time", async () => {
    const { shopId, agent, ticketId } = await productQuestion();
    // The first response is breached at 14:00 and recorded by the sweep
    await slaSweepJob.run({ shopId }, ctxAt(minutes(241)));
    // A later edit recomputes the due times (the breach stays a breach)
    await updateTickets(prisma, { shopId, ticketIds: [ticketId], actorAgentId: agent.id, changes: { priority: "high" }, now: minutes(245) });
    await updateTickets(prisma, { shopId, ticketIds: [ticketId], actorAgentId: agent.id, changes: { category: "order_status" }, now: minutes(246) });
    for (const at of [250, 260, 300]) await slaSweepJob.run({ shopId }, ctxAt(minutes(at)));
    const breaches = await prisma.ticketEvent.findMany({ where: { ticketId, type: "sla_breach" } });
    expect(breaches.map((b) => (b.data as { target: string }).target)).toEqual(["first_response"]);
  });
});
