// Signed deliveries through the real route actions (dev/webhook-sender signs them like Shopify), and a
// deterministic job drain: the jobs of one shop, due at a given clock, run one by one.
import type { ActionFunction } from "@remix-run/node";
import { API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { randomUUID } from "node:crypto";
import prisma from "../../app/db.server";
import { allJobHandlers } from "../../app/jobs/definitions/index.server";
import { silentLogger } from "../../app/jobs/types";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as customersUpdate } from "../../app/routes/webhooks.customers.update";
import { action as fulfillmentsCreate } from "../../app/routes/webhooks.fulfillments.create";
import { action as fulfillmentsUpdate } from "../../app/routes/webhooks.fulfillments.update";
import { action as ordersCancelled } from "../../app/routes/webhooks.orders.cancelled";
import { action as ordersCreate } from "../../app/routes/webhooks.orders.create";
import { action as ordersFulfilled } from "../../app/routes/webhooks.orders.fulfilled";
import { action as ordersUpdated } from "../../app/routes/webhooks.orders.updated";
import { action as refundsCreate } from "../../app/routes/webhooks.refunds.create";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { signWebhook } from "../../dev/webhook-sender";

export const ROUTES: Record<string, ActionFunction> = {
  "orders/create": ordersCreate,
  "orders/updated": ordersUpdated,
  "orders/cancelled": ordersCancelled,
  "orders/fulfilled": ordersFulfilled,
  "fulfillments/create": fulfillmentsCreate,
  "fulfillments/update": fulfillmentsUpdate,
  "refunds/create": refundsCreate,
  "customers/update": customersUpdate,
  "customers/data_request": customersDataRequest,
  "customers/redact": customersRedact,
  "shop/redact": shopRedact,
};

export interface DeliveryOptions {
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
  secret?: string;
}

export interface DeliveryResult {
  status: number;
  body: string;
  webhookId: string;
  eventId: string;
}

/** POSTs a body exactly as given (possibly not JSON) to the topic's route, signed. */
export async function deliverRaw(shop: string, topic: string, body: string, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const webhookId = options.webhookId ?? randomUUID();
  const eventId = options.eventId ?? randomUUID();
  const signed = signWebhook({ topic, shop, body, secret: options.secret ?? API_SECRET_KEY, webhookId, eventId, triggeredAt: options.triggeredAt });
  const request = new Request(`${APP_URL}/webhooks/${topic}`, { method: "POST", headers: signed.headers, body: signed.body });
  const action = ROUTES[topic];
  if (!action) throw new Error(`no route for ${topic}`);
  let response: Response;
  try {
    response = (await action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { status: response.status, body: await response.text(), webhookId, eventId };
}

export function deliver(shop: string, topic: string, payload: unknown, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  return deliverRaw(shop, topic, JSON.stringify(payload), options);
}

/**
 * Runs the shop's work as the job runner would, until nothing is due at `now`: the drain of its
 * recorded deliveries (whether or not its job's second has ended: tests deliver faster than that) and
 * the shop's due jobs (automated messages, and the jobs they enqueue). Returns how many ran.
 */
export async function drainJobs(shop: { id: string; domain: string }, now: Date = new Date()): Promise<number> {
  const handlers = allJobHandlers();
  const context = (jobId: string, attempt: number) => ({ db: prisma, now, jobId, attempt, log: silentLogger });
  let ran = 0;
  for (let round = 0; round < 50; round++) {
    const waiting = await prisma.webhookDelivery.count({ where: { shopDomain: shop.domain, status: "received" } });
    const drains = (await prisma.job.findMany({ where: { name: "webhooks.drain", status: { in: ["queued", "failed"] } } }))
      .filter((job) => (job.payload as { shopDomain?: string }).shopDomain === shop.domain);
    if (waiting > 0) {
      await handlers.get("webhooks.drain")!.run({ shopDomain: shop.domain }, context("drain", 1));
      ran += 1;
    }
    await prisma.job.updateMany({ where: { id: { in: drains.map((job) => job.id) } }, data: { status: "done", finishedAt: now } });
    const due = (await prisma.job.findMany({ where: { name: "automated-message.send", status: { in: ["queued", "failed"] }, runAt: { lte: now } }, orderBy: { runAt: "asc" } }))
      .filter((job) => job.shopId === shop.id || (job.payload as { shopId?: string }).shopId === shop.id);
    if (waiting === 0 && due.length === 0) return ran;
    for (const job of due) {
      const attempt = job.attempts + 1;
      await prisma.job.update({ where: { id: job.id }, data: { status: "running", attempts: attempt } });
      try {
        await handlers.get(job.name)!.run(job.payload, context(job.id, attempt));
        await prisma.job.update({ where: { id: job.id }, data: { status: "done", finishedAt: now } });
      } catch (error) {
        await prisma.job.update({ where: { id: job.id }, data: { status: "dead", lastError: String(error) } });
        throw error;
      }
      ran += 1;
    }
  }
  throw new Error("jobs kept enqueueing jobs");
}

export function testCustomer(label: string) {
  const id = 7_000_000 + Math.floor(Math.random() * 1_000_000);
  return { id, email: `${label}.${id}@example.com`, phone: `+4477009${String(id).slice(-5)}`, firstName: "Zebulon", lastName: `Quillfeather${id}` };
}

export function uniqueOrderId(): number {
  return 5_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
}
