// automated-message.send: one automated customer message (shipping confirmation, delivery follow-up,
// delay notice, refund confirmation), run at its due time; conditions are re-checked when it runs.
// The job's dedupe key carries the message's own key (one job per message, whichever X-Shopify-Event-Id
// revealed it); the send itself is recorded once per AutomatedSend.eventKey.
import { z } from "zod";
import { AUTOMATED_MESSAGE_KINDS } from "../../services/automated-messages/kinds";
import { sendAutomatedMessage } from "../../services/automated-messages/send.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const AUTOMATED_MESSAGE_JOB = "automated-message.send";

const automatedMessagePayload = z.object({
  shopId: z.string().min(1),
  kind: z.enum(AUTOMATED_MESSAGE_KINDS),
  orderId: z.string().min(1),
  eventKey: z.string().min(1),
  eventId: z.string().nullable(),
  fulfillmentId: z.string().nullable(),
  refundId: z.string().nullable(),
  /** Set when quiet hours or the cap moved the send: the key of this later run. */
  deferredUntil: z.string().datetime().optional(),
});
export type AutomatedMessagePayload = z.infer<typeof automatedMessagePayload>;

export const automatedMessageJob = defineJob(AUTOMATED_MESSAGE_JOB, automatedMessagePayload, async (payload, ctx) => {
  const outcome = await sendAutomatedMessage({ db: ctx.db, now: ctx.now, queue: null }, payload);
  if (outcome.kind === "deferred") {
    await scheduleAutomatedMessage(await jobQueue(), { ...payload, deferredUntil: outcome.until.toISOString() }, outcome.until);
  }
  ctx.log.debug({ eventKey: payload.eventKey, outcome: outcome.kind }, "automated message");
});

// The process's queue, loaded lazily: definitions are also imported where no queue exists (tests).
async function jobQueue(): Promise<JobQueue> {
  const { getJobQueue } = await import("../queue.server");
  return getJobQueue();
}

export function scheduleAutomatedMessage(queue: JobQueue, payload: AutomatedMessagePayload, runAt: Date): Promise<EnqueueResult> {
  // Delay checks are keyed by their time too: a new estimate is a new check of the same notice.
  const suffix = (payload.deferredUntil ? `:deferred:${payload.deferredUntil}` : "") + (payload.kind === "delay_notice" ? `:at:${runAt.toISOString()}` : "");
  return enqueueJob(queue, automatedMessageJob, payload, {
    runAt,
    shopId: payload.shopId,
    dedupeKey: `${AUTOMATED_MESSAGE_JOB}:${payload.shopId}:${payload.eventKey}${suffix}`,
  });
}
