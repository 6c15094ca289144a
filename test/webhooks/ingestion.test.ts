// Ingestion: verified (401 on a bad HMAC, nothing stored), malformed bodies refused with a reason,
// every delivery recorded once, repeats acknowledged and ignored, the work left to the job runner.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, deliverRaw, drainJobs, testCustomer, uniqueOrderId } from "./harness";
import { orderPayload } from "./payloads";

async function shopWithOrder() {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("ingest") });
  const customer = testCustomer("ingest");
  const order = orderPayload({ id: uniqueOrderId(), name: "#1001", customer, updatedAt: "2026-11-20T10:00:00Z" });
  return { shop, customer, order };
}

describe("webhook ingestion", () => {
  it("answers 401 to a bad HMAC and stores nothing (order and compliance topics)", async () => {
    // GIVEN deliveries signed with the wrong secret
    const { shop, order } = await shopWithOrder();
    for (const [topic, payload] of [["orders/updated", order], ["customers/redact", { shop_domain: shop.domain, customer: { id: 1, email: "a@example.com" } }], ["shop/redact", { shop_domain: shop.domain }]] as const) {
      // WHEN they arrive
      const result = await deliver(shop.domain, topic, payload, { secret: "not-the-app-secret" });
      // THEN 401, and no delivery row, no job
      expect(result.status, topic).toBe(401);
      expect(await prisma.webhookDelivery.count({ where: { webhookId: result.webhookId } })).toBe(0);
    }
    expect(await prisma.webhookDelivery.count({ where: { shopDomain: shop.domain } })).toBe(0);
    expect(await prisma.shop.count({ where: { id: shop.id } })).toBe(1);
  });

  it("refuses a correctly signed body that is not JSON with 400 and keeps the reason", async () => {
    const { shop } = await shopWithOrder();
    const result = await deliverRaw(shop.domain, "orders/updated", '{"id": 1, "name": "#1001",');
    expect(result.status).toBe(400);
    expect(result.body).toMatch(/malformed JSON body/);
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } });
    expect(row).toMatchObject({ status: "failed", topic: "orders/updated", shopDomain: shop.domain });
    expect(row.error).toMatch(/malformed JSON body/);
    await drainJobs(shop);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "failed", attempts: 0 });
  });

  it("records a delivery, answers 200 at once and leaves the work to a job", async () => {
    // GIVEN a valid orders/updated delivery
    const { shop, order } = await shopWithOrder();
    const started = performance.now();
    const result = await deliver(shop.domain, "orders/updated", order, { triggeredAt: "2026-11-20T10:00:01Z" });
    const elapsed = performance.now() - started;
    // THEN 200, the delivery is recorded with its headers, a processing job waits, nothing is processed yet
    expect(result.status).toBe(200);
    expect(elapsed).toBeLessThan(1000);
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } });
    expect(row).toMatchObject({ status: "received", eventId: result.eventId, topic: "orders/updated", apiVersion: "2026-10", triggeredAt: new Date("2026-11-20T10:00:01Z") });
    expect(JSON.parse(row.payload)).toEqual(order);
    const drains = await prisma.job.findMany({ where: { name: "webhooks.drain", status: "queued" } });
    expect(drains.filter((job) => (job.payload as { shopDomain: string }).shopDomain === shop.domain)).toHaveLength(1);
    expect(await prisma.orderSnapshot.count({ where: { shopId: shop.id } })).toBe(0);
    // WHEN the job runs THEN the delivery is processed and the order known
    await drainJobs(shop);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "processed", attempts: 1 });
    expect(await prisma.orderSnapshot.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ orderName: "#1001", financialStatus: "paid" });
  });

  it("acknowledges a repeated X-Shopify-Webhook-Id and ignores it", async () => {
    const { shop, order } = await shopWithOrder();
    const first = await deliver(shop.domain, "orders/updated", order);
    // WHEN Shopify retries the same delivery (same webhook id) twice
    const second = await deliver(shop.domain, "orders/updated", order, { webhookId: first.webhookId, eventId: first.eventId });
    const third = await deliver(shop.domain, "orders/updated", order, { webhookId: first.webhookId, eventId: first.eventId });
    // THEN all are acknowledged, one row and one job exist
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await prisma.webhookDelivery.count({ where: { shopDomain: shop.domain } })).toBe(1);
    expect(await drainJobs(shop)).toBe(1);
    expect(await prisma.webhookDelivery.findFirstOrThrow({ where: { shopDomain: shop.domain } })).toMatchObject({ status: "processed", attempts: 1 });
  });

  it("ignores a second delivery of the same event (same X-Shopify-Event-Id and topic, new webhook id)", async () => {
    const { shop, order } = await shopWithOrder();
    const first = await deliver(shop.domain, "orders/updated", order);
    await drainJobs(shop);
    const again = await deliver(shop.domain, "orders/updated", order, { eventId: first.eventId });
    await drainJobs(shop);
    expect(again.status).toBe(200);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: again.webhookId } })).toMatchObject({ status: "ignored" });
  });

  it("marks a delivery with a payload of the wrong shape failed without retrying it forever", async () => {
    const { shop } = await shopWithOrder();
    const result = await deliver(shop.domain, "orders/updated", { id: 5, note: "no name, no updated_at" });
    expect(result.status).toBe(200);
    await drainJobs(shop);
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/name|updated_at/);
  });
});

describe("webhook ingestion when the job queue is down", () => {
  it("still acknowledges a recorded delivery (the sweep drains it later)", async () => {
    const { receiveWebhook } = await import("../../app/services/webhooks/receive.server");
    const { signWebhook } = await import("../../dev/webhook-sender");
    const { API_SECRET_KEY, APP_URL } = await import("@shopify/shopify-api/test-helpers");
    const { authenticate } = await import("../../app/shopify.server");
    const { shop, order } = await shopWithOrder();
    const signed = signWebhook({ topic: "orders/updated", shop: shop.domain, body: JSON.stringify(order), secret: API_SECRET_KEY });
    const brokenQueue = { enqueue: async () => { throw new Error("queue down"); }, cancel: async () => false, cancelForShop: async () => 0, close: async () => {} };
    const response = await receiveWebhook(new Request(`${APP_URL}/webhooks/orders/updated`, { method: "POST", headers: signed.headers, body: signed.body }), { db: prisma, queue: brokenQueue, verify: (request) => authenticate.webhook(request) });
    expect(response.status).toBe(200);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: signed.headers["X-Shopify-Webhook-Id"]! } })).toMatchObject({ status: "received" });
  });
});

describe("webhook routes", () => {
  it("answer 405 to anything but POST", async () => {
    const { action } = await import("../../app/routes/webhooks.orders.updated");
    const { APP_URL } = await import("@shopify/shopify-api/test-helpers");
    const response = (await action({ request: new Request(`${APP_URL}/webhooks/orders/updated`, { method: "PUT", body: "{}" }), params: {}, context: {} })) as Response;
    expect(response.status).toBe(405);
  });
});
