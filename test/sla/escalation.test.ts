// Escalation on the SLA sweep: warning at the configured share and breach, each exactly once per due
// event — notifications, priority, reassignment, supervisor email — on both job runners.
import { afterEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEscalationEmailJob } from "../../app/jobs/definitions/escalation-email.server";
import { createSlaSweepJob, scheduleSlaSweeps, SLA_SWEEP_INTERVAL_MS, slaSweepJob } from "../../app/jobs/definitions/sla-sweep.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { defineJob, jobHandlers } from "../../app/jobs/registry";
import { silentLogger, type JobContext } from "../../app/jobs/types";
import type { OutboundMessage } from "../../app/services/channels/channel-adapter";
import { ESCALATION_EMAIL_JOB, escalationHooks, STAFF_EMAIL_CHANNEL } from "../../app/services/escalation.server";
import { receiveInboundMessage } from "../../app/services/intake.server";
import { createShop } from "../factories";
import { createHarness, waitFor, type RunnerHarness, type RunnerKind } from "../jobs/support/runners";

const queue = new EmbeddedJobQueue(prisma);
const T0 = new Date("2026-03-02T09:00:00.000Z"); // Monday 10:00 Berlin
const minutes = (n: number, base = T0) => new Date(base.getTime() + n * 60_000);
const ctxAt = (now: Date): JobContext => ({ db: prisma, now, jobId: "test", attempt: 1, log: silentLogger });

async function team(options: { settings?: object; hours?: boolean } = {}) {
  const shop = await createShop(prisma);
  if (options.settings) await prisma.shop.update({ where: { id: shop.id }, data: { settings: options.settings } });
  if (options.hours !== false) {
    await prisma.businessSchedule.create({
      data: { shopId: shop.id, name: "Default", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) },
    });
  }
  const agent = (name: string, role = "agent", availability = "available") =>
    prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: name, name, role, availability, email: `${name.toLowerCase()}@shop.test` } });
  const alex = await agent("Alex");
  const bea = await agent("Bea");
  await agent("Cid", "agent", "away");
  const sue = await agent("Sue", "supervisor", "away");
  return { shopId: shop.id, alex, bea, sue };
}

async function productQuestion(shopId: string, assigneeId: string | null, receivedAt = T0) {
  const result = await receiveInboundMessage(
    prisma,
    { shopId, channel: "email", from: { email: "p@example.com" }, subject: "Sizing", bodyText: "Does this jacket come in size XL? What material is it made of?", receivedAt },
    { jobs: queue },
  );
  if (assigneeId) await prisma.ticket.update({ where: { id: result.ticketId }, data: { assigneeId } });
  return result.ticketId;
}

const notificationsOf = (ticketId: string) => prisma.notification.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });

describe("escalation on the SLA sweep", () => {
  it("at 75 % of the target: notifies the assignee and supervisors and raises the priority, once", async () => {
    // GIVEN a product question (4 business hours) assigned to Alex
    const { shopId, alex, sue } = await team();
    const ticketId = await productQuestion(shopId, alex.id);
    // WHEN sweeps run before and after 3 h (75 %), twice
    for (const at of [170, 181, 185]) await slaSweepJob.run({ shopId }, ctxAt(minutes(at)));
    // THEN one warning, priority normal → high, notifications for Alex and Sue
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ priority: "high", assigneeId: alex.id, escalationReason: "SLA warning: first response" });
    expect(await prisma.ticketEvent.count({ where: { ticketId, type: "sla_warning" } })).toBe(1);
    const notes = await notificationsOf(ticketId);
    expect(notes.map((n) => [n.kind, n.agentId]).sort()).toEqual([["sla_warning", alex.id], ["sla_warning", sue.id]].sort());
    expect(notes[0].createdAt).toEqual(minutes(181));
  });

  it("honours the shop's escalation share", async () => {
    const { shopId, alex } = await team({ settings: { escalation: { warnAtShare: 0.5, raisePriority: false, reassign: true, emailSupervisor: false } } });
    const ticketId = await productQuestion(shopId, alex.id);
    await slaSweepJob.run({ shopId }, ctxAt(minutes(121)));
    expect(await prisma.ticketEvent.count({ where: { ticketId, type: "sla_warning" } })).toBe(1);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ priority: "normal" });
  });

  it("at breach: raises the priority and reassigns to the next available agent, once", async () => {
    const { shopId, alex, bea, sue } = await team();
    const ticketId = await productQuestion(shopId, alex.id);
    await slaSweepJob.run({ shopId }, ctxAt(minutes(181)));
    for (const at of [241, 242, 300]) await slaSweepJob.run({ shopId }, ctxAt(minutes(at)));
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ priority: "urgent", assigneeId: bea.id, escalationReason: "SLA breach: first response" });
    expect(await prisma.ticketEvent.count({ where: { ticketId, type: "sla_breach" } })).toBe(1);
    const assigned = await prisma.ticketEvent.findMany({ where: { ticketId, type: "assigned" } });
    expect(assigned.map((e) => e.data)).toEqual([{ from: alex.id, to: bea.id, rule: "sla_escalation" }]);
    const breachNotes = (await notificationsOf(ticketId)).filter((n) => n.kind === "sla_breach");
    expect(breachNotes.map((n) => n.agentId).sort()).toEqual([bea.id, sue.id].sort());
  });

  it("hands a breached ticket to a supervisor when no other agent is available", async () => {
    const { shopId, alex, bea, sue } = await team();
    await prisma.agent.update({ where: { id: bea.id }, data: { availability: "away" } });
    const ticketId = await productQuestion(shopId, alex.id);
    await slaSweepJob.run({ shopId }, ctxAt(minutes(241)));
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ assigneeId: sue.id });
  });

  it("emails the supervisors once per breach through the staff-mail adapter when enabled", async () => {
    const { shopId, alex, sue } = await team({ settings: { escalation: { warnAtShare: 0.75, raisePriority: true, reassign: false, emailSupervisor: true } } });
    const ticketId = await productQuestion(shopId, alex.id);
    const sweep = createSlaSweepJob(escalationHooks(() => queue));
    await sweep.run({ shopId }, ctxAt(minutes(241)));
    await sweep.run({ shopId }, ctxAt(minutes(242)));
    const emailJobs = await prisma.job.findMany({ where: { shopId, name: ESCALATION_EMAIL_JOB } });
    expect(emailJobs).toHaveLength(1);
    const sent: OutboundMessage[] = [];
    const emailJob = createEscalationEmailJob((channel) => ({ channel, send: async (message) => (sent.push(message), { channelMessageId: "x", status: "sent" as const }) }));
    await emailJob.run(emailJobs[0].payload, ctxAt(minutes(243)));
    await emailJob.run(emailJobs[0].payload, ctxAt(minutes(244))); // a rerun after a lost worker
    expect(sent).toEqual([expect.objectContaining({ channel: STAFF_EMAIL_CHANNEL, to: expect.objectContaining({ email: sue.email }), subject: expect.stringContaining("SLA breached") })]);
    expect(await prisma.ticketEvent.count({ where: { ticketId, dedupeKey: { startsWith: "escalation_email:" } } })).toBe(1);
  });
});

const runners: RunnerKind[] = ["embedded", "bullmq"];

describe.each(runners)("escalation exactly once on the %s runner", (kind) => {
  let harness: RunnerHarness;
  afterEach(async () => {
    await harness?.close();
  });

  it("two workers and repeated sweeps record the breach and its escalation once", async () => {
    // GIVEN a shop without business hours (around the clock) and a product question 5 h old: breached
    harness = createHarness(kind, prisma);
    const { shopId, alex } = await team({ hours: false });
    const ticketId = await productQuestion(shopId, alex.id, minutes(-300, new Date()));
    // WHEN sweeps of three intervals are enqueued and two workers run them
    const now = Date.now();
    for (const offset of [0, 1, 2]) await scheduleSlaSweeps(prisma, harness.queue, new Date(now - offset * SLA_SWEEP_INTERVAL_MS));
    // Every shop with tickets in the shared test database gets a sweep; only this shop's are the subject,
    // so the others finish at once instead of making this test's run time grow with the suite.
    const handlers = jobHandlers([defineJob(slaSweepJob.name, slaSweepJob.schema, (payload, ctx) => (payload.shopId === shopId ? slaSweepJob.handler(payload, ctx) : Promise.resolve()))]);
    harness.startWorker(handlers);
    harness.startWorker(handlers);
    await waitFor(async () => (await prisma.job.count({ where: { shopId, name: "sla.sweep", status: { not: "done" } } })) === 0 || kind === "bullmq", 15_000, "the sweeps");
    await waitFor(async () => (await prisma.ticketEvent.count({ where: { ticketId, type: "sla_breach" } })) === 1, 15_000, "the breach");
    await new Promise((resolve) => setTimeout(resolve, 500)); // let any duplicate run finish
    // THEN one breach event, one set of notifications, one reassignment
    expect(await prisma.ticketEvent.count({ where: { ticketId, type: "sla_breach" } })).toBe(1);
    expect(await prisma.notification.count({ where: { ticketId, kind: "sla_breach" } })).toBe(2);
    expect(await prisma.ticketEvent.count({ where: { ticketId, type: "assigned", actorType: "automation" } })).toBe(1);
  });
});
