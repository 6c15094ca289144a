// webhooks.process: the work of one recorded webhook delivery (WebhookDelivery row), after the route
// has answered Shopify. Retried with backoff on failure; every effect is keyed, so a rerun after a
// crash between receipt and completion repeats nothing.
import { z } from "zod";
import { processDelivery } from "../../services/webhooks/process-delivery.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const WEBHOOK_DELIVERY_JOB = "webhooks.process";

const webhookDeliveryPayload = z.object({ deliveryId: z.string().min(1) });

export const webhookDeliveryJob = defineJob(WEBHOOK_DELIVERY_JOB, webhookDeliveryPayload, async ({ deliveryId }, ctx) => {
  const { getJobQueue } = await import("../queue.server");
  await processDelivery({ db: ctx.db, now: ctx.now, queue: getJobQueue(), log: ctx.log }, deliveryId);
});

export function enqueueDeliveryProcessing(queue: JobQueue, deliveryId: string): Promise<EnqueueResult> {
  // The key lets the reconciliation sweep re-enqueue a stuck delivery without doubling a live job.
  return enqueueJob(queue, webhookDeliveryJob, { deliveryId }, { maxAttempts: 8, dedupeKey: `${WEBHOOK_DELIVERY_JOB}:${deliveryId}` });
}
