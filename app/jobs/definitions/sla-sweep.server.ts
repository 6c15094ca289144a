// sla.sweep: for each active ticket of a shop with an SLA due time, records the warnings and breaches
// detectSlaEvents reports, each once (TicketEvent.dedupeKey per target and due time). A sweep per
// shop is enqueued every SLA_SWEEP_INTERVAL_MS; escalation plugs in through `onEvent`.
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { detectSlaEvents, nextSlaCheckAt, type SlaEvent } from "../../domain/sla";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { escalationHooks } from "../../services/escalation.server";
import { effectiveWarnShare, loadSlaContext, scheduleFor, type SlaContext, type StoredSlaPolicy } from "../../services/sla.server";
import { getJobQueue } from "../queue.server";
import { defineJob } from "../registry";
import { runOnce, type TransactionClient } from "../run-once.server";
import type { JobContext, JobQueue } from "../types";

export const SLA_SWEEP_JOB = "sla.sweep";
/**
 * A breach must be acted on within 60 s of its due time: a sweep every 30 s, claimed within the
 * embedded poll (1 s) or at once by BullMQ, leaves about half the budget for the sweep itself. A
 * worker lost mid-sweep is covered by the next interval's sweep (docs/decisions/009-job-runner.md).
 */
export const SLA_SWEEP_INTERVAL_MS = 30_000;
const PAGE_SIZE = 2000;
// Bound parameters per lookup stay far below SQLite's limit.
const LOOKUP_CHUNK = 400;

const slaSweepPayload = z.object({ shopId: z.string().min(1) });

// Only what the clocks need: the sweep reads every active ticket of a shop on the clock.
const sweptTicketColumns = {
  id: true, shopId: true, number: true, subject: true, status: true, priority: true, severity: true, category: true, channel: true,
  assigneeId: true, customerId: true, slaPolicyId: true, createdAt: true, firstRespondedAt: true, lastCustomerMessageAt: true,
  lastAgentMessageAt: true, waitingSince: true, slaPausedAt: true, slaPausedMinutes: true, resolvedAt: true,
  firstResponseDueAt: true, nextResponseDueAt: true, resolutionDueAt: true, slaDueAt: true,
} as const;

export interface SweptTicket {
  id: string; shopId: string; number: number; subject: string; status: string; priority: string; severity: string; category: string; channel: string;
  assigneeId: string | null; customerId: string | null; slaPolicyId: string | null; createdAt: Date; firstRespondedAt: Date | null;
  lastCustomerMessageAt: Date | null; lastAgentMessageAt: Date | null; waitingSince: Date | null; slaPausedAt: Date | null; slaPausedMinutes: number;
  resolvedAt: Date | null; firstResponseDueAt: Date | null; nextResponseDueAt: Date | null; resolutionDueAt: Date | null; slaDueAt: Date | null;
}

export interface SlaEventHookInput {
  ticket: SweptTicket;
  event: SlaEvent;
  policy: StoredSlaPolicy;
  context: SlaContext;
  ctx: JobContext;
}

export interface SlaSweepHooks {
  /**
   * Runs before the event is recorded, outside any transaction: enqueue follow-up jobs here with a
   * dedupe key (their handlers check that the event was recorded).
   */
  beforeRecord?: (input: SlaEventHookInput) => Promise<void>;
  /**
   * Runs in the transaction that records the event, once per event: what it writes commits with the
   * event or not at all. Work outside the database belongs in beforeRecord's jobs.
   */
  onEvent?: (tx: TransactionClient, input: SlaEventHookInput) => Promise<void>;
}

/**
 * The tickets the sweep must look at: those whose slaNextEventAt has come, and those written without
 * one (rows from before the column, or from code that sets due times directly), which it backfills.
 */
function dueForALook(shopId: string, now: Date): Prisma.TicketWhereInput {
  return {
    shopId,
    status: { in: [...ACTIVE_STATUSES] },
    OR: [{ slaNextEventAt: { lte: now } }, { slaNextEventAt: null, slaDueAt: { not: null } }],
  };
}

export function createSlaSweepJob(hooks: SlaSweepHooks = {}) {
  return defineJob(SLA_SWEEP_JOB, slaSweepPayload, async ({ shopId }, ctx) => {
    const { db, now, log } = ctx;
    const shop = await db.shop.findUnique({ where: { id: shopId }, select: { installState: true } });
    if (!shop || shop.installState !== "installed") return;
    const context = await loadSlaContext(db, shopId, log);
    const policies = new Map(context.policies.map((policy) => [policy.id, policy]));
    let cursor: string | undefined;
    let recorded = 0;
    for (;;) {
      const tickets: SweptTicket[] = await db.ticket.findMany({
        where: { ...dueForALook(shopId, now), ...(cursor ? { id: { gt: cursor } } : {}) },
        select: sweptTicketColumns,
        orderBy: { id: "asc" },
        take: PAGE_SIZE,
      });
      if (tickets.length === 0) break;
      cursor = tickets[tickets.length - 1].id;
      const nextChecks = new Map<number, string[]>();
      const due = tickets.flatMap((ticket) => {
        const policy = ticket.slaPolicyId ? policies.get(ticket.slaPolicyId) : undefined;
        const share = policy ? effectiveWarnShare(policy, context) : undefined;
        const state = {
          policy: policy ?? null,
          schedule: scheduleFor(context, ticket.channel),
          createdAt: ticket.createdAt,
          firstRespondedAt: ticket.firstRespondedAt,
          lastCustomerMessageAt: ticket.lastCustomerMessageAt,
          lastAgentMessageAt: ticket.lastAgentMessageAt,
          waitingSince: ticket.waitingSince,
          pausedAt: ticket.slaPausedAt,
          resolvedAt: ticket.resolvedAt,
          pausedMinutes: ticket.slaPausedMinutes,
          firstResponseDueAt: ticket.firstResponseDueAt,
          nextResponseDueAt: ticket.nextResponseDueAt,
          resolutionDueAt: ticket.resolutionDueAt,
        };
        const next = nextSlaCheckAt(state, now, share).getTime();
        nextChecks.set(next, [...(nextChecks.get(next) ?? []), ticket.id]);
        if (!policy) return [];
        return detectSlaEvents(state, now, share).map((event) => ({ ticket, event, policy, context, ctx }));
      });
      recorded += await recordNewEvents(db, shopId, due, hooks);
      // Only where nobody changed the clocks meanwhile (a change writes its own slaNextEventAt).
      for (const [next, ids] of nextChecks) {
        for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
          await db.ticket.updateMany({
            where: { id: { in: ids.slice(start, start + LOOKUP_CHUNK) }, shopId, OR: [{ slaNextEventAt: { lte: now } }, { slaNextEventAt: null }] },
            data: { slaNextEventAt: new Date(next) },
          });
        }
      }
      if (tickets.length < PAGE_SIZE) break;
    }
    if (recorded > 0) log.info({ shopId, recorded }, "SLA events recorded");
  });
}

async function recordNewEvents(db: PrismaClient, shopId: string, due: SlaEventHookInput[], hooks: SlaSweepHooks): Promise<number> {
  if (due.length === 0) return 0;
  // A breached ticket reports its breach on every sweep until answered: skip the ones already recorded.
  const seen = new Set<string>();
  const ticketIds = [...new Set(due.map((d) => d.ticket.id))];
  for (let start = 0; start < ticketIds.length; start += LOOKUP_CHUNK) {
    const existing = await db.ticketEvent.findMany({
      where: { shopId, ticketId: { in: ticketIds.slice(start, start + LOOKUP_CHUNK) }, type: { in: ["sla_warning", "sla_breach"] } },
      select: { ticketId: true, dedupeKey: true },
    });
    for (const row of existing) seen.add(`${row.ticketId} ${row.dedupeKey}`);
  }
  let recorded = 0;
  for (const input of due) {
    const { ticket, event, ctx } = input;
    if (seen.has(`${ticket.id} ${event.dedupeKey}`)) continue;
    await hooks.beforeRecord?.(input);
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
      await hooks.onEvent?.(tx, input);
    });
    if (result.applied) recorded += 1;
  }
  return recorded;
}

/** The app's sweep: escalation (app/services/escalation.server.ts) on every new warning and breach. */
export const slaSweepJob = createSlaSweepJob(escalationHooks(getJobQueue));

/** Enqueues one sweep per installed shop with tickets due for a look; every process may call it (deduped per interval). */
export async function scheduleSlaSweeps(db: PrismaClient, queue: JobQueue, now: Date, intervalMs = SLA_SWEEP_INTERVAL_MS): Promise<number> {
  const shops = await db.ticket.groupBy({
    by: ["shopId"],
    where: {
      status: { in: [...ACTIVE_STATUSES] },
      OR: [{ slaNextEventAt: { lte: new Date(now.getTime() + intervalMs) } }, { slaNextEventAt: null, slaDueAt: { not: null } }],
      shop: { installState: "installed" },
    },
  });
  const bucket = new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();
  let created = 0;
  for (const { shopId } of shops) {
    const result = await queue.enqueue(SLA_SWEEP_JOB, { shopId }, { shopId, runAt: now, dedupeKey: `${SLA_SWEEP_JOB}:${shopId}:${bucket}`, maxAttempts: 2 });
    if (result.created) created += 1;
  }
  return created;
}
