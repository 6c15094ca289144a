// A crash between receipt and processing: the delivery is recorded and acknowledged, the processing
// dies part-way (or never starts); the durable job runner retries (or the sweep finds the delivery),
// and every effect happens once.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import prisma from "../../app/db.server";
import { automatedMessageJob } from "../../app/jobs/definitions/automated-message.server";
import { reconcileSweepJob } from "../../app/jobs/definitions/order-reconcile.server";
import { WEBHOOK_DRAIN_JOB, webhookDrainJob } from "../../app/jobs/definitions/webhook-delivery.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { defineJob, jobHandlers } from "../../app/jobs/registry";
import { silentLogger, type JobQueue } from "../../app/jobs/types";
import { saveAutomatedMessageRule } from "../../app/services/automated-messages/rules.server";
import { demoOutbox } from "../../app/services/channels/demo-adapter.server";
import { drainDeliveries } from "../../app/services/webhooks/process-delivery.server";
import { createShop, uniqueShopDomain } from "../factories";
import { createHarness, waitFor, type RunnerHarness } from "../jobs/support/runners";
import { deliver, testCustomer, uniqueOrderId } from "./harness";
import { fulfillmentPayload, orderPayload } from "./payloads";

async function fulfilledOrderDelivery() {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("crash") });
  await saveAutomatedMessageRule(prisma, shop.id, "shipping_confirmation", { enabled: true });
  const customer = testCustomer("crash");
  const orderId = uniqueOrderId();
  const local = await prisma.customer.create({ data: { shopId: shop.id, email: customer.email, shopifyCustomerId: `gid://shopify/Customer/${customer.id}` } });
  // A resolved ticket about the order: its timeline gets the facts, and it does not block automated messages.
  const ticket = await prisma.ticket.create({ data: { shopId: shop.id, number: 1, subject: "Earlier question", status: "resolved", customerId: local.id, orders: { create: { shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${orderId}`, orderName: "#3001" } } } });
  const at = new Date().toISOString();
  const fulfillment = fulfillmentPayload({ id: 91, orderId, updatedAt: at });
  const order = orderPayload({ id: orderId, name: "#3001", customer, updatedAt: at, fulfillmentStatus: "fulfilled", fulfillments: [fulfillment] });
  return { shop, ticket, order };
}

async function effectsOf(shopId: string, ticketId: string) {
  return {
    fulfilledOnTimeline: await prisma.ticketEvent.count({ where: { ticketId, type: "order_event", dedupeKey: { endsWith: ":fulfilled:91" } } }),
    sends: await prisma.automatedSend.count({ where: { shopId, status: "sent" } }),
    adapterCalls: demoOutbox().filter((message) => message.shopId === shopId).length,
  };
}

describe("crash between receipt and processing", () => {
  let harness: RunnerHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("retries a processing job that died after its first effects; every effect happens once", async () => {
    // GIVEN an acknowledged delivery whose first processing attempt dies after writing the timeline
    // (scheduling the automated message "crashes" the process)
    const { shop, ticket, order } = await fulfilledOrderDelivery();
    const result = await deliver(shop.domain, "orders/fulfilled", order);
    expect(result.status).toBe(200);
    const realQueue = new EmbeddedJobQueue(prisma);
    let attempts = 0;
    const crashingQueue: JobQueue = { ...realQueue, enqueue: async () => { throw new Error("process killed while scheduling"); }, cancel: realQueue.cancel.bind(realQueue), cancelForShop: realQueue.cancelForShop.bind(realQueue), close: async () => {} };
    const flakyProcessing = defineJob(WEBHOOK_DRAIN_JOB, z.object({ shopDomain: z.string() }), async ({ shopDomain }, ctx) => {
      if (shopDomain !== shop.domain) return;
      attempts += 1;
      await drainDeliveries({ db: ctx.db, now: ctx.now, queue: attempts === 1 ? crashingQueue : realQueue, log: silentLogger }, shopDomain);
    });
    // WHEN the durable runner works the queue
    harness = createHarness("embedded", prisma);
    harness.startWorker(jobHandlers([flakyProcessing, automatedMessageJob]));
    await waitFor(async () => (await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } })).status === "processed", 20_000, "the delivery to be processed");
    await waitFor(async () => (await prisma.automatedSend.count({ where: { shopId: shop.id } })) === 1, 20_000, "the automated message");
    // THEN the job ran twice, the delivery counts both attempts, and each effect exists once
    expect(attempts).toBe(2);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } })).toMatchObject({ attempts: 2 });
    expect(await effectsOf(shop.id, ticket.id)).toEqual({ fulfilledOnTimeline: 1, sends: 1, adapterCalls: 1 });
  });

  it("processes deliveries whose drain was lost or whose worker died, from the reconciliation sweep", async () => {
    // GIVEN two recorded deliveries, 10 minutes old: one whose drain job never made it (the app died
    // right after recording it), one claimed by a worker that died while processing it
    const { shop, ticket, order } = await fulfilledOrderDelivery();
    const lost = await deliver(shop.domain, "orders/fulfilled", order);
    const claimed = await deliver(shop.domain, "orders/updated", order);
    await prisma.job.deleteMany({ where: { name: WEBHOOK_DRAIN_JOB, dedupeKey: { startsWith: `${WEBHOOK_DRAIN_JOB}:${shop.domain}:` } } });
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await prisma.webhookDelivery.updateMany({ where: { shopDomain: shop.domain }, data: { receivedAt: tenMinutesAgo } });
    await prisma.webhookDelivery.update({ where: { webhookId: claimed.webhookId }, data: { status: "processing", attempts: 1 } });
    // WHEN the sweep runs (twice: sweeps may overlap) and then the real runner
    await reconcileSweepJob.run({ bucket: 1 }, { db: prisma, now: new Date(), jobId: "t", attempt: 1, log: silentLogger });
    await reconcileSweepJob.run({ bucket: 1 }, { db: prisma, now: new Date(), jobId: "t", attempt: 1, log: silentLogger });
    harness = createHarness("embedded", prisma);
    harness.startWorker(jobHandlers([webhookDrainJob, automatedMessageJob]));
    await waitFor(async () => (await prisma.webhookDelivery.count({ where: { shopDomain: shop.domain, status: "processed" } })) === 2, 20_000, "both deliveries processed");
    await waitFor(async () => (await prisma.automatedSend.count({ where: { shopId: shop.id } })) === 1, 20_000, "the automated message");
    // THEN the effects happened once
    expect(await effectsOf(shop.id, ticket.id)).toEqual({ fulfilledOnTimeline: 1, sends: 1, adapterCalls: 1 });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: lost.webhookId } })).toMatchObject({ status: "processed", attempts: 1 });
  });
});
