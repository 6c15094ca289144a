// webhooks.drain: processes a shop's recorded webhook deliveries (WebhookDelivery rows in `received`),
// oldest first, after the route has answered Shopify. Ingestion asks for one drain per shop per second
// and process (runAt: the end of that second, so every delivery recorded in it is seen); a delivery
// whose processing fails goes back to `received` and the job is retried with backoff. Every effect
// is keyed, so a rerun after a crash between receipt and completion repeats nothing.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { drainDeliveries } from "../../services/webhooks/process-delivery.server";
import { oncePerSecond } from "../once-per-second";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const WEBHOOK_DRAIN_JOB = "webhooks.drain";
const DRAIN_BUCKET_MS = 1_000;

const webhookDrainPayload = z.object({ shopDomain: z.string().min(1) });

export const webhookDrainJob = defineJob(WEBHOOK_DRAIN_JOB, webhookDrainPayload, async ({ shopDomain }, ctx) => {
  const { getJobQueue } = await import("../queue.server");
  const queue = getJobQueue();
  const outcome = await drainDeliveries({ db: ctx.db, now: ctx.now, queue, log: ctx.log }, shopDomain);
  // A very long backlog is worked in slices: the next slice is a new job, so others get their turn.
  if (outcome.more) await requestDrain(queue, shopDomain, ctx.now);
});

// One key per process: another process's drain for the same second may already have run before
// this process's deliveries of that second were recorded.
const processKey = randomUUID().slice(0, 8);

/** Asks for the shop's deliveries to be processed at the end of the current second (idempotent per second). */
export function requestDrain(queue: JobQueue, shopDomain: string, now = new Date()): Promise<EnqueueResult> {
  const bucket = Math.floor(now.getTime() / DRAIN_BUCKET_MS);
  return enqueueJob(queue, webhookDrainJob, { shopDomain }, {
    runAt: new Date((bucket + 1) * DRAIN_BUCKET_MS + 50),
    dedupeKey: `${WEBHOOK_DRAIN_JOB}:${shopDomain}:${bucket}:${processKey}`,
    maxAttempts: 10,
  });
}

/** requestDrain at most once per shop and second from this process (the hot path of ingestion). */
export const requestDrainOnce: (queue: JobQueue, shopDomain: string) => Promise<void> = oncePerSecond(requestDrain);
