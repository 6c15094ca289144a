// ticket.snooze-wake: at snoozedUntil a snoozed ticket returns to open, with a `snooze_ended` event.
// One job per (ticket, snoozedUntil); a ticket changed meanwhile (woken by hand, snoozed to another
// time) is left alone, so stale wake-ups need no cancelling (cancelSnoozeWake just saves a run).
import { z } from "zod";
import { defineJob, enqueueJob } from "../registry";
import { runOnce } from "../run-once.server";
import type { EnqueueResult, JobQueue } from "../types";

export const SNOOZE_WAKE_JOB = "ticket.snooze-wake";

const snoozeWakePayload = z.object({ shopId: z.string().min(1), ticketId: z.string().min(1), snoozedUntil: z.string().datetime() });
export type SnoozeWakePayload = z.infer<typeof snoozeWakePayload>;

/** The TicketEvent's dedupe key: one `snooze_ended` per snooze. */
export function snoozeEndedDedupeKey(ticketId: string, snoozedUntil: Date): string {
  return `snooze:${ticketId}:${snoozedUntil.toISOString()}`;
}

function jobDedupeKey(ticketId: string, snoozedUntil: Date): string {
  return `${SNOOZE_WAKE_JOB}:${ticketId}:${snoozedUntil.toISOString()}`;
}

export const snoozeWakeJob = defineJob(SNOOZE_WAKE_JOB, snoozeWakePayload, async ({ shopId, ticketId, snoozedUntil }, { db, now, log }) => {
  const until = new Date(snoozedUntil);
  // Clocks of different machines differ a little: early is retried (with backoff), never acted on.
  if (until.getTime() > now.getTime()) throw new Error(`snooze of ${ticketId} ends at ${snoozedUntil}, not yet`);
  const result = await runOnce(db, async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, shopId, status: "snoozed", snoozedUntil: until },
      data: { status: "open", snoozedUntil: null, lastActivityAt: now },
    });
    if (count === 0) return false;
    await tx.ticketEvent.create({
      data: { shopId, ticketId, type: "snooze_ended", actorType: "system", data: { snoozedUntil }, dedupeKey: snoozeEndedDedupeKey(ticketId, until), createdAt: now },
    });
    return true;
  });
  if (!(result.applied && result.value)) log.debug({ ticketId, snoozedUntil }, "snooze wake-up skipped: the ticket changed or was already woken");
});

/** Call when a ticket is snoozed (in the same request that sets snoozedUntil). */
export function scheduleSnoozeWake(queue: JobQueue, ticket: { shopId: string; ticketId: string; snoozedUntil: Date }): Promise<EnqueueResult> {
  return enqueueJob(
    queue,
    snoozeWakeJob,
    { shopId: ticket.shopId, ticketId: ticket.ticketId, snoozedUntil: ticket.snoozedUntil.toISOString() },
    { runAt: ticket.snoozedUntil, dedupeKey: jobDedupeKey(ticket.ticketId, ticket.snoozedUntil), shopId: ticket.shopId },
  );
}

/** Optional when a snooze is ended or moved by hand: the stale job would do nothing anyway. */
export function cancelSnoozeWake(queue: JobQueue, ticketId: string, snoozedUntil: Date): Promise<boolean> {
  return queue.cancel(jobDedupeKey(ticketId, snoozedUntil));
}
