// orders.reconcile-sweep: every RECONCILE_INTERVAL_MS, one orders.reconcile per shop with open tickets
// (re-reading recent orders through the Admin API), plus a drain for any shop with deliveries still
// waiting long after they arrived (the app stopped between recording them and asking for the drain,
// or a worker died holding them).
// The sweep schedules its own next run; the first one is enqueued by ingestion (receive.server.ts).
import { z } from "zod";
import { adminClientForShop, reconcileShop, shopsToReconcile } from "../../services/order-events/reconcile.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";
import { requestDrain } from "./webhook-delivery.server";

export const ORDER_RECONCILE_JOB = "orders.reconcile";
export const RECONCILE_SWEEP_JOB = "orders.reconcile-sweep";
export const RECONCILE_INTERVAL_MS = 15 * 60_000;
const STUCK_DELIVERY_MS = 5 * 60_000;
/** Processed deliveries (raw payloads with customer data) are kept this long for debugging, then go. */
export const WEBHOOK_DELIVERY_RETENTION_MS = 7 * 86_400_000;

async function processQueue(): Promise<JobQueue> {
  const { getJobQueue } = await import("../queue.server");
  return getJobQueue();
}

export const orderReconcileJob = defineJob(ORDER_RECONCILE_JOB, z.object({ shopId: z.string().min(1) }), async ({ shopId }, ctx) => {
  const shop = await ctx.db.shop.findUnique({ where: { id: shopId } });
  if (!shop || shop.installState !== "installed") return;
  const admin = await adminClientForShop(ctx.db, shop.domain);
  if (!admin) {
    ctx.log.warn({ shop: shop.domain }, "reconciliation skipped: no offline session");
    return;
  }
  const result = await reconcileShop({ db: ctx.db, queue: await processQueue(), now: ctx.now, admin }, shop);
  if (result.healed.length > 0) ctx.log.info({ shop: shop.domain, healed: result.healed }, "reconciliation healed missed order events");
});

const bucketOf = (at: Date) => Math.floor(at.getTime() / RECONCILE_INTERVAL_MS);

export const reconcileSweepJob = defineJob(RECONCILE_SWEEP_JOB, z.object({ bucket: z.number().int() }), async ({ bucket }, ctx) => {
  const queue = await processQueue();
  for (const shop of await shopsToReconcile(ctx.db)) {
    await enqueueJob(queue, orderReconcileJob, { shopId: shop.id }, { shopId: shop.id, dedupeKey: `${ORDER_RECONCILE_JOB}:${shop.id}:${bucket}` });
  }
  // A delivery claimed by a worker that died stays `processing`: back to `received` after a while.
  const staleBefore = new Date(ctx.now.getTime() - STUCK_DELIVERY_MS);
  await ctx.db.webhookDelivery.updateMany({ where: { status: "processing", receivedAt: { lt: staleBefore } }, data: { status: "received" } });
  const stuck = await ctx.db.webhookDelivery.groupBy({ by: ["shopDomain"], where: { status: "received", receivedAt: { lt: staleBefore } } });
  for (const { shopDomain } of stuck) await requestDrain(queue, shopDomain, ctx.now);
  await ctx.db.webhookDelivery.deleteMany({ where: { status: { in: ["processed", "ignored"] }, receivedAt: { lt: new Date(ctx.now.getTime() - WEBHOOK_DELIVERY_RETENTION_MS) } } });
  await scheduleReconcileSweep(queue, new Date(ctx.now.getTime() + RECONCILE_INTERVAL_MS));
});

/** The sweep of the interval containing `at`, run at its end (one per interval, whoever asks). */
export function scheduleReconcileSweep(queue: JobQueue, at: Date): Promise<EnqueueResult> {
  const bucket = bucketOf(at);
  return enqueueJob(queue, reconcileSweepJob, { bucket }, { runAt: new Date((bucket + 1) * RECONCILE_INTERVAL_MS), dedupeKey: `${RECONCILE_SWEEP_JOB}:${bucket}` });
}
