// The job side of ingestion: recorded deliveries → their effects, by topic. A delivery already
// processed is left alone; a delivery of an event already processed under another webhook id (same
// X-Shopify-Event-Id and topic: Shopify sent the event twice) is ignored.
import type { PrismaClient, WebhookDelivery } from "@prisma/client";
import type { JobLogger, JobQueue } from "../../jobs/types";
import { PermanentJobError } from "../../jobs/registry";
import { buildCustomerDataExport } from "../compliance/data-request.server";
import { redactCustomer } from "../compliance/redact-customer.server";
import { redactShop } from "../compliance/redact-shop.server";
import { applyCustomerUpdate } from "../order-events/customer-update.server";
import { applyOrderUpdate, type OrderUpdate } from "../order-events/apply.server";
import { orderStateFromPayload, parseFulfillmentPayload, parseRefundPayload, PayloadError } from "../order-events/order-state";
import { markDelivery } from "./deliveries.server";
import { webhookLog } from "./logger.server";

export interface ProcessDeps {
  db: PrismaClient;
  queue: JobQueue;
  now: Date;
  log?: JobLogger;
}

export type ProcessOutcome = "processed" | "ignored" | "already_processed" | "missing" | "shop_deleted";

function orderUpdateOf(topic: string, payload: unknown): OrderUpdate {
  if (topic.startsWith("orders/")) return { kind: "order", state: orderStateFromPayload(payload) };
  if (topic.startsWith("fulfillments/")) return { kind: "fulfillment", ...parseFulfillmentPayload(payload) };
  return { kind: "refund", ...parseRefundPayload(payload) };
}

async function sameEventProcessed(db: PrismaClient, delivery: WebhookDelivery): Promise<boolean> {
  if (!delivery.eventId) return false;
  const twin = await db.webhookDelivery.findFirst({
    where: { eventId: delivery.eventId, topic: delivery.topic, shopDomain: delivery.shopDomain, status: "processed", id: { not: delivery.id } },
    select: { id: true },
  });
  return twin !== null;
}

const DRAIN_BATCH = 100;
const DRAIN_MAX_BATCHES = 20;

/**
 * Claims and processes the shop's `received` deliveries, oldest first. Claiming (received →
 * processing, attempts + 1) lets several drains of one shop run side by side without doing the same
 * delivery twice. A delivery that fails for a reason a retry may fix goes back to `received` and the
 * error is rethrown (the job retries); one with a bad payload stays `failed` and the drain goes on.
 */
export async function drainDeliveries(deps: ProcessDeps, shopDomain: string): Promise<{ processed: number; more: boolean }> {
  const { db } = deps;
  let processed = 0;
  for (let batch = 0; batch < DRAIN_MAX_BATCHES; batch++) {
    const rows = await db.webhookDelivery.findMany({ where: { shopDomain, status: "received" }, orderBy: { receivedAt: "asc" }, take: DRAIN_BATCH, select: { id: true } });
    if (rows.length === 0) return { processed, more: false };
    for (const row of rows) {
      const { count } = await db.webhookDelivery.updateMany({ where: { id: row.id, status: "received" }, data: { status: "processing", attempts: { increment: 1 } } });
      if (count === 0) continue; // another drain has it
      try {
        await processDelivery(deps, row.id, { claimed: true });
        processed += 1;
      } catch (error) {
        if (error instanceof PermanentJobError) continue;
        await db.webhookDelivery.updateMany({ where: { id: row.id, status: "processing" }, data: { status: "received" } });
        throw error;
      }
    }
  }
  return { processed, more: true };
}

export async function processDelivery(deps: ProcessDeps, deliveryId: string, options: { claimed?: boolean } = {}): Promise<ProcessOutcome> {
  const { db, now } = deps;
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return "missing";
  if (delivery.status === "processed" || delivery.status === "ignored") return "already_processed";
  if (!options.claimed) await db.webhookDelivery.update({ where: { id: delivery.id }, data: { attempts: { increment: 1 } } });
  if (await sameEventProcessed(db, delivery)) {
    await markDelivery(db, delivery.id, { status: "ignored", error: `event ${delivery.eventId} already processed`, processedAt: now });
    return "ignored";
  }

  const shop = await db.shop.findUnique({ where: { domain: delivery.shopDomain } });
  if (!shop && delivery.topic === "shop/redact") {
    // Repeated after the shop is gone: the redaction holds, this delivery's own row goes as well.
    await db.webhookDelivery.deleteMany({ where: { shopDomain: delivery.shopDomain } });
    return "shop_deleted";
  }
  if (!shop) {
    // An event for a shop that is gone (or never installed): nothing to do.
    await markDelivery(db, delivery.id, { status: "ignored", error: "unknown shop", processedAt: now });
    return "ignored";
  }

  let payload: unknown;
  try {
    payload = JSON.parse(delivery.payload);
  } catch (error) {
    await markDelivery(db, delivery.id, { status: "failed", error: `malformed JSON body: ${(error as Error).message}` });
    throw new PermanentJobError(`delivery ${delivery.id}: malformed JSON`);
  }

  try {
    switch (delivery.topic) {
      case "orders/create":
      case "orders/updated":
      case "orders/cancelled":
      case "orders/fulfilled":
      case "fulfillments/create":
      case "fulfillments/update":
      case "refunds/create":
        await applyOrderUpdate(shop, orderUpdateOf(delivery.topic, payload), { eventId: delivery.eventId, source: "webhook" }, deps);
        break;
      case "customers/update":
        await applyCustomerUpdate(db, shop.id, payload);
        break;
      case "customers/data_request":
        await buildCustomerDataExport(db, shop.id, payload, now);
        break;
      case "customers/redact":
        await redactCustomer(db, shop.id, payload, now);
        break;
      case "shop/redact":
        // Every row of the shop goes, this delivery included: nothing is left to mark.
        await redactShop(db, shop.id, shop.domain);
        return "shop_deleted";
      default:
        await markDelivery(db, delivery.id, { status: "ignored", error: `topic ${delivery.topic} is not handled`, processedAt: now });
        return "ignored";
    }
  } catch (error) {
    if (error instanceof PayloadError) {
      webhookLog.warn({ deliveryId: delivery.id, topic: delivery.topic, reason: error.message }, "webhook payload rejected");
      await markDelivery(db, delivery.id, { status: "failed", error: error.message });
      throw new PermanentJobError(error.message);
    }
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { error: error instanceof Error ? error.message.slice(0, 2000) : String(error) } });
    throw error;
  }
  await markDelivery(db, delivery.id, { status: "processed", processedAt: now });
  return "processed";
}
