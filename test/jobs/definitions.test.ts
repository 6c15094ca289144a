// The shipped job definitions with a fixed clock: ticket.snooze-wake and sla.sweep.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { slaDedupeKey } from "../../app/domain/sla";
import { createJobWorker } from "../../app/jobs/create.server";
import { createSlaSweepJob, scheduleSlaSweeps, SLA_SWEEP_INTERVAL_MS, slaSweepJob } from "../../app/jobs/definitions/sla-sweep.server";
import { scheduleSnoozeWake, snoozeEndedDedupeKey, snoozeWakeJob } from "../../app/jobs/definitions/snooze-wake.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { jobHandlers } from "../../app/jobs/registry";
import { silentLogger, type JobContext } from "../../app/jobs/types";
import { createShop, createTicket } from "../factories";
import { FAST_TUNING, waitFor } from "./support/runners";

const T0 = new Date("2026-03-02T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ctxAt = (now: Date): JobContext => ({ db: prisma, now, jobId: "test", attempt: 1, log: silentLogger });

async function snoozedTicket(until: Date) {
  const shop = await createShop(prisma);
  const ticket = await createTicket(prisma, shop.id);
  await prisma.ticket.update({ where: { id: ticket.id }, data: { status: "snoozed", snoozedUntil: until } });
  return { shopId: shop.id, ticketId: ticket.id };
}

describe("ticket.snooze-wake", () => {
  it("reopens the ticket at snoozedUntil with one snooze_ended event, however often it runs", async () => {
    // GIVEN a ticket snoozed until T0
    const { shopId, ticketId } = await snoozedTicket(T0);
    const payload = { shopId, ticketId, snoozedUntil: T0.toISOString() };
    // WHEN the wake-up runs at T0 + 1 min, and again (a rerun after a lost worker)
    await snoozeWakeJob.run(payload, ctxAt(minutes(1)));
    await snoozeWakeJob.run(payload, ctxAt(minutes(2)));
    // THEN the ticket is open, and the event exists once with the due event's key
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ status: "open", snoozedUntil: null, lastActivityAt: minutes(1) });
    const events = await prisma.ticketEvent.findMany({ where: { ticketId, type: "snooze_ended" } });
    expect(events).toHaveLength(1);
    expect(events[0].dedupeKey).toBe(`snooze:${ticketId}:${T0.toISOString()}`);
    expect(events[0].dedupeKey).toBe(snoozeEndedDedupeKey(ticketId, T0));
  });

  it("leaves a ticket alone that was snoozed to another time or woken meanwhile", async () => {
    // GIVEN one ticket re-snoozed to T0 + 2 h and one reopened by hand
    const resnoozed = await snoozedTicket(T0);
    await prisma.ticket.update({ where: { id: resnoozed.ticketId }, data: { snoozedUntil: minutes(120) } });
    const reopened = await snoozedTicket(T0);
    await prisma.ticket.update({ where: { id: reopened.ticketId }, data: { status: "open", snoozedUntil: null } });
    // WHEN the original wake-ups run
    for (const { shopId, ticketId } of [resnoozed, reopened]) await snoozeWakeJob.run({ shopId, ticketId, snoozedUntil: T0.toISOString() }, ctxAt(minutes(1)));
    // THEN nothing changes and no event is recorded
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: resnoozed.ticketId } })).toMatchObject({ status: "snoozed", snoozedUntil: minutes(120) });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: reopened.ticketId } })).toMatchObject({ status: "open" });
    expect(await prisma.ticketEvent.count({ where: { ticketId: { in: [resnoozed.ticketId, reopened.ticketId] }, type: "snooze_ended" } })).toBe(0);
  });

  it("refuses to act early (a retry comes later)", async () => {
    const { shopId, ticketId } = await snoozedTicket(T0);
    await expect(snoozeWakeJob.run({ shopId, ticketId, snoozedUntil: T0.toISOString() }, ctxAt(minutes(-1)))).rejects.toThrow(/not yet/);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "snoozed" });
  });

  it("is scheduled once per snooze and run by the worker when due", async () => {
    // GIVEN a snoozed ticket whose wake-up is scheduled twice (two requests)
    const { shopId, ticketId } = await snoozedTicket(T0);
    const queue = new EmbeddedJobQueue(prisma);
    const first = await scheduleSnoozeWake(queue, { shopId, ticketId, snoozedUntil: T0 });
    const second = await scheduleSnoozeWake(queue, { shopId, ticketId, snoozedUntil: T0 });
    // WHEN a worker whose clock reads T0 + 1 min runs
    const worker = createJobWorker({ JOB_RUNNER: "embedded", DATABASE_URL: process.env.DATABASE_URL! }, jobHandlers([snoozeWakeJob]), {
      db: prisma,
      now: () => minutes(1),
      tuning: FAST_TUNING,
    });
    worker.start();
    try {
      await waitFor(async () => (await prisma.job.findUnique({ where: { id: first.id } }))?.status === "done", 10_000, "the wake-up");
    } finally {
      await worker.stop();
    }
    // THEN one job ran and the ticket is open
    expect(first.created && !second.created && second.id === first.id).toBe(true);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "open" });
  });
});

async function ticketOnTheClock(options: { paused?: boolean; withPolicy?: boolean } = {}) {
  const shop = await createShop(prisma);
  const policy = await prisma.slaPolicy.create({
    data: { shopId: shop.id, name: "1 h around the clock", firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: null, businessHoursOnly: false, warnAtShare: 0.75 },
  });
  const ticket = await createTicket(prisma, shop.id);
  await prisma.ticket.update({
    where: { id: ticket.id },
    data: {
      createdAt: T0,
      lastCustomerMessageAt: T0,
      slaPolicyId: options.withPolicy === false ? null : policy.id,
      firstResponseDueAt: minutes(60),
      slaDueAt: minutes(60),
      slaPausedAt: options.paused ? minutes(10) : null,
    },
  });
  return { shopId: shop.id, ticketId: ticket.id };
}

const slaEvents = (ticketId: string) => prisma.ticketEvent.findMany({ where: { ticketId, type: { in: ["sla_warning", "sla_breach"] } }, orderBy: { createdAt: "asc" } });

describe("sla.sweep", () => {
  it("records the warning, then the breach, each once however often it sweeps", async () => {
    // GIVEN a ticket whose first reply is due at T0 + 60 min (warning at 75 %)
    const { shopId, ticketId } = await ticketOnTheClock();
    // WHEN sweeps run at +30 min (nothing due), +50 min twice, +61 min twice
    for (const at of [30, 50, 50, 61, 61]) await slaSweepJob.run({ shopId }, ctxAt(minutes(at)));
    // THEN one warning and one breach, with the domain's dedupe keys
    const events = await slaEvents(ticketId);
    expect(events.map((event) => [event.type, event.dedupeKey, event.createdAt])).toEqual([
      ["sla_warning", slaDedupeKey("warning", "first_response", T0), minutes(50)],
      ["sla_breach", slaDedupeKey("breach", "first_response", T0), minutes(61)],
    ]);
    expect(events[1].data).toEqual({ target: "first_response", dueAt: minutes(60).toISOString() });
  });

  it("backfills slaNextEventAt for rows written without it, then looks only when something falls due", async () => {
    // GIVEN a ticket whose due times were written directly (no slaNextEventAt)
    const { shopId, ticketId } = await ticketOnTheClock();
    const next = async () => (await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).slaNextEventAt;
    expect(await next()).toBeNull();
    // WHEN a sweep runs before anything is due THEN the warning time (75 % of 60 min) is stored
    await slaSweepJob.run({ shopId }, ctxAt(minutes(30)));
    expect(await next()).toEqual(minutes(45));
    // AND after the warning, the due time; after the breach, nothing
    await slaSweepJob.run({ shopId }, ctxAt(minutes(46)));
    expect(await next()).toEqual(minutes(60));
    await slaSweepJob.run({ shopId }, ctxAt(minutes(61)));
    expect((await next())?.getUTCFullYear()).toBe(9999);
    expect((await slaEvents(ticketId)).map((e) => e.type)).toEqual(["sla_warning", "sla_breach"]);
  });

  it("backfills a page of more rows than one statement can bind (SQLite's parameter limit)", async () => {
    const { shopId } = await ticketOnTheClock();
    const policyId = (await prisma.ticket.findFirstOrThrow({ where: { shopId } })).slaPolicyId;
    await prisma.ticket.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({ shopId, number: 100_000 + i, subject: "bulk", createdAt: T0, lastCustomerMessageAt: T0, slaPolicyId: policyId, firstResponseDueAt: minutes(60), slaDueAt: minutes(60) })),
    });
    await slaSweepJob.run({ shopId }, ctxAt(minutes(30)));
    expect(await prisma.ticket.count({ where: { shopId, slaNextEventAt: null } })).toBe(0);
  });

  it("records nothing for a paused clock, a ticket without a policy, or an uninstalled shop", async () => {
    const paused = await ticketOnTheClock({ paused: true });
    const noPolicy = await ticketOnTheClock({ withPolicy: false });
    const uninstalled = await ticketOnTheClock();
    await prisma.shop.update({ where: { id: uninstalled.shopId }, data: { installState: "uninstalled" } });
    for (const { shopId } of [paused, noPolicy, uninstalled]) await slaSweepJob.run({ shopId }, ctxAt(minutes(90)));
    for (const { ticketId } of [paused, noPolicy, uninstalled]) expect(await slaEvents(ticketId)).toEqual([]);
  });

  it("calls the escalation hook once per new event, inside the event's transaction", async () => {
    // GIVEN a sweep with a hook (what the escalation work plugs in)
    const { shopId, ticketId } = await ticketOnTheClock();
    const seen: string[] = [];
    const sweep = createSlaSweepJob({ onEvent: async (_tx, { event }) => void seen.push(`${event.kind}:${event.target}`) });
    // WHEN it sweeps past the breach twice
    await sweep.run({ shopId }, ctxAt(minutes(61)));
    await sweep.run({ shopId }, ctxAt(minutes(62)));
    // THEN the hook saw the breach once (a breached target skips its warning)
    expect(seen).toEqual(["breach:first_response"]);
    expect(await slaEvents(ticketId)).toHaveLength(1);
  });

  it("is enqueued once per shop and interval, only for shops with tickets on the clock", async () => {
    // GIVEN a shop with a ticket on the clock and one without
    const { shopId } = await ticketOnTheClock();
    const idle = await createShop(prisma);
    await createTicket(prisma, idle.id, { slaDueAt: null });
    const queue = new EmbeddedJobQueue(prisma);
    const bucketStart = new Date(Math.ceil(Date.now() / SLA_SWEEP_INTERVAL_MS) * SLA_SWEEP_INTERVAL_MS + 10 * SLA_SWEEP_INTERVAL_MS);
    // WHEN two processes schedule in the same interval, then one in the next
    await scheduleSlaSweeps(prisma, queue, bucketStart);
    await scheduleSlaSweeps(prisma, queue, new Date(bucketStart.getTime() + 1_000));
    await scheduleSlaSweeps(prisma, queue, new Date(bucketStart.getTime() + SLA_SWEEP_INTERVAL_MS));
    // THEN two sweeps for the shop on the clock, none for the idle one
    expect(await prisma.job.count({ where: { name: "sla.sweep", shopId } })).toBe(2);
    expect(await prisma.job.count({ where: { name: "sla.sweep", shopId: idle.id } })).toBe(0);
  });
});
