// sla.sweep: for each active ticket of a shop with an SLA due time, records the warnings and breaches
// detectSlaEvents reports, each once (TicketEvent.dedupeKey per target and due time). A sweep per
// shop is enqueued every SLA_SWEEP_INTERVAL_MS; escalation plugs in through `onEvent`.
import type { PrismaClient, Ticket } from "@prisma/client";
import { z } from "zod";
import { scheduleForChannel } from "../../domain/business-hours";
import { detectSlaEvents, slaPolicyRuleSchema, type SlaEvent } from "../../domain/sla";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { defineJob } from "../registry";
import { runOnce, type TransactionClient } from "../run-once.server";
import type { JobContext, JobQueue } from "../types";
import { aroundTheClock, loadShopSchedules } from "./business-schedules.server";

export const SLA_SWEEP_JOB = "sla.sweep";
/**
 * A breach must be acted on within 60 s of its due time: a sweep every 30 s, claimed within the
 * embedded poll (1 s) or at once by BullMQ, leaves about half the budget for the sweep itself. A
 * worker lost mid-sweep is covered by the next interval's sweep (docs/decisions/009-job-runner.md).
 */
export const SLA_SWEEP_INTERVAL_MS = 30_000;
const PAGE_SIZE = 500;

const slaSweepPayload = z.object({ shopId: z.string().min(1) });

export interface SlaEventHookInput {
  ticket: Ticket;
  event: SlaEvent;
  ctx: JobContext;
}

export interface SlaSweepHooks {
  /**
   * Runs in the transaction that records the event, once per event: what it writes commits with the
   * event or not at all. Work outside the database belongs in a job enqueued with a dedupe key.
   */
  onEvent?: (tx: TransactionClient, input: SlaEventHookInput) => Promise<void>;
}

export function createSlaSweepJob(hooks: SlaSweepHooks = {}) {
  return defineJob(SLA_SWEEP_JOB, slaSweepPayload, async ({ shopId }, ctx) => {
    const { db, now, log } = ctx;
    const shop = await db.shop.findUnique({ where: { id: shopId }, select: { installState: true, ianaTimezone: true } });
    if (!shop || shop.installState !== "installed") return;
    const schedules = await loadShopSchedules(db, shopId, log);
    let cursor: string | undefined;
    let recorded = 0;
    for (;;) {
      const tickets = await db.ticket.findMany({
        where: { shopId, status: { in: [...ACTIVE_STATUSES] }, slaDueAt: { not: null } },
        include: { slaPolicy: true },
        orderBy: { id: "asc" },
        take: PAGE_SIZE,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      if (tickets.length === 0) break;
      cursor = tickets[tickets.length - 1].id;
      const due = tickets.flatMap((ticket) => {
        const policy = ticket.slaPolicy ? slaPolicyRuleSchema.safeParse(ticket.slaPolicy) : null;
        if (!policy?.success) return [];
        const schedule = scheduleForChannel(schedules, ticket.channel)?.schedule ?? aroundTheClock(shop.ianaTimezone);
        const events = detectSlaEvents(
          {
            policy: policy.data,
            schedule,
            createdAt: ticket.createdAt,
            firstRespondedAt: ticket.firstRespondedAt,
            lastCustomerMessageAt: ticket.lastCustomerMessageAt,
            lastAgentMessageAt: ticket.lastAgentMessageAt,
            waitingSince: ticket.waitingSince,
            pausedAt: ticket.slaPausedAt,
            resolvedAt: ticket.resolvedAt,
            firstResponseDueAt: ticket.firstResponseDueAt,
            nextResponseDueAt: ticket.nextResponseDueAt,
            resolutionDueAt: ticket.resolutionDueAt,
          },
          now,
        );
        return events.map((event) => ({ ticket, event }));
      });
      recorded += await recordNewEvents(db, shopId, due, ctx, hooks);
      if (tickets.length < PAGE_SIZE) break;
    }
    if (recorded > 0) log.info({ shopId, recorded }, "SLA events recorded");
  });
}

async function recordNewEvents(db: PrismaClient, shopId: string, due: { ticket: Ticket; event: SlaEvent }[], ctx: JobContext, hooks: SlaSweepHooks): Promise<number> {
  if (due.length === 0) return 0;
  // A breached ticket reports its breach on every sweep until answered: skip the ones already recorded.
  const existing = await db.ticketEvent.findMany({
    where: { shopId, ticketId: { in: [...new Set(due.map((d) => d.ticket.id))] }, dedupeKey: { in: [...new Set(due.map((d) => d.event.dedupeKey))] } },
    select: { ticketId: true, dedupeKey: true },
  });
  const seen = new Set(existing.map((row) => `${row.ticketId} ${row.dedupeKey}`));
  let recorded = 0;
  for (const { ticket, event } of due) {
    if (seen.has(`${ticket.id} ${event.dedupeKey}`)) continue;
    const result = await runOnce(db, async (tx) => {
      await tx.ticketEvent.create({
        data: {
          shopId,
          ticketId: ticket.id,
          type: event.kind === "breach" ? "sla_breach" : "sla_warning",
          actorType: "system",
          data: { target: event.target, dueAt: event.dueAt.toISOString() },
          dedupeKey: event.dedupeKey,
          createdAt: ctx.now,
        },
      });
      await hooks.onEvent?.(tx, { ticket, event, ctx });
    });
    if (result.applied) recorded += 1;
  }
  return recorded;
}

export const slaSweepJob = createSlaSweepJob();

/** Enqueues one sweep per installed shop with tickets on an SLA clock; every process may call it (deduped per interval). */
export async function scheduleSlaSweeps(db: PrismaClient, queue: JobQueue, now: Date, intervalMs = SLA_SWEEP_INTERVAL_MS): Promise<number> {
  const shops = await db.ticket.groupBy({
    by: ["shopId"],
    where: { status: { in: [...ACTIVE_STATUSES] }, slaDueAt: { not: null }, shop: { installState: "installed" } },
  });
  const bucket = new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();
  let created = 0;
  for (const { shopId } of shops) {
    const result = await queue.enqueue(SLA_SWEEP_JOB, { shopId }, { shopId, runAt: now, dedupeKey: `${SLA_SWEEP_JOB}:${shopId}:${bucket}`, maxAttempts: 2 });
    if (result.created) created += 1;
  }
  return created;
}
