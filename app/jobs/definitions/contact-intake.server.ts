// contact.drain: turns a shop's stored storefront contact submissions into tickets (intake: triage, SLA,
// auto-acknowledgement) after the visitor has had their answer. The contact route asks for one drain
// per shop, second and process (runAt: the end of that second, so every submission stored in it is
// seen). contact.retry-stale: the backstop for submissions whose intake failed or whose drain was never
// enqueued; the scheduler asks for it when such rows exist (at most once per interval).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { adminClientForShop } from "../../services/order-events/reconcile.server";
import { drainContactSubmissions, hasStaleContactSubmissions, retryStaleContactSubmissions, type DeliveryDeps } from "../../services/storefront/contact-delivery.server";
import { oncePerSecond } from "../once-per-second";
import { defineJob, enqueueJob, errorMessage } from "../registry";
import type { EnqueueResult, JobLogger, JobQueue } from "../types";

export const CONTACT_DRAIN_JOB = "contact.drain";
export const CONTACT_RETRY_JOB = "contact.retry-stale";
const DRAIN_BUCKET_MS = 1_000;
export const CONTACT_RETRY_INTERVAL_MS = 5 * 60_000;

async function processQueue(): Promise<JobQueue> {
  const { getJobQueue } = await import("../queue.server");
  return getJobQueue();
}

export function deliveryDeps(db: PrismaClient): DeliveryDeps {
  return {
    db,
    async adminFor(shopId) {
      const shop = await db.shop.findUnique({ where: { id: shopId }, select: { domain: true } });
      return shop ? adminClientForShop(db, shop.domain) : null;
    },
  };
}

export const contactDrainJob = defineJob(CONTACT_DRAIN_JOB, z.object({ shopId: z.string().min(1) }), async ({ shopId }, ctx) => {
  const outcome = await drainContactSubmissions(deliveryDeps(ctx.db), shopId);
  if (outcome.failed > 0) ctx.log.warn({ shopId, failed: outcome.failed }, "contact submissions failed intake; the stale sweep retries them");
  // A long backlog is worked in slices: the next slice is a new job, so other shops get their turn.
  if (outcome.more) await requestContactDrain(await processQueue(), shopId, ctx.now);
});

export const contactRetryJob = defineJob(CONTACT_RETRY_JOB, z.object({ bucket: z.number().int() }), async (_payload, ctx) => {
  // A longer backlog (a worker down for hours) continues in the next interval's sweep.
  const outcome = await retryStaleContactSubmissions(deliveryDeps(ctx.db), { now: ctx.now, limit: 200 });
  if (outcome.retried + outcome.failed > 0) ctx.log.info(outcome, "stale contact submissions retried");
});

// One key per process: another process's drain for the same second may have run before this
// process's submissions of that second were stored (clocks differ a little between machines).
const processKey = randomUUID().slice(0, 8);

/** Asks for the shop's submissions to be ticketed at the end of the current second (idempotent per second). */
export function requestContactDrain(queue: JobQueue, shopId: string, now = new Date()): Promise<EnqueueResult> {
  const bucket = Math.floor(now.getTime() / DRAIN_BUCKET_MS);
  return enqueueJob(queue, contactDrainJob, { shopId }, {
    shopId,
    runAt: new Date((bucket + 1) * DRAIN_BUCKET_MS + 50),
    dedupeKey: `${CONTACT_DRAIN_JOB}:${shopId}:${bucket}:${processKey}`,
    maxAttempts: 10,
  });
}

/** requestContactDrain at most once per shop and second from this process (the visitor's request path). */
export const requestContactDrainOnce: (queue: JobQueue, shopId: string) => Promise<void> = oncePerSecond(requestContactDrain);

/** The scheduler's tick: one retry sweep per interval, and only when something is waiting too long. */
export async function scheduleStaleContactRetry(db: PrismaClient, queue: JobQueue, now: Date, log: JobLogger): Promise<boolean> {
  try {
    if (!(await hasStaleContactSubmissions(db, now))) return false;
    const bucket = Math.floor(now.getTime() / CONTACT_RETRY_INTERVAL_MS);
    return (await enqueueJob(queue, contactRetryJob, { bucket }, { dedupeKey: `${CONTACT_RETRY_JOB}:${bucket}`, maxAttempts: 2 })).created;
  } catch (error) {
    log.error({ error: errorMessage(error) }, "could not schedule the stale contact sweep");
    return false;
  }
}
