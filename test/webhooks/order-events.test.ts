// Order events on ticket timelines: every fact once, reordering tolerated (older never overwrites
// newer), the panel cache expired, the tracking template suggested, auto-resolve on delivery.
import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, drainJobs, testCustomer, uniqueOrderId } from "./harness";
import { fulfillmentPayload, orderPayload, refundPayload } from "./payloads";

async function ticketOnOrder(options: { category?: string; settings?: Prisma.InputJsonObject } = {}) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("orders") });
  if (options.settings) await prisma.shop.update({ where: { id: shop.id }, data: { settings: options.settings } });
  const customer = testCustomer("orders");
  const orderId = uniqueOrderId();
  const local = await prisma.customer.create({ data: { shopId: shop.id, email: customer.email, shopifyCustomerId: `gid://shopify/Customer/${customer.id}` } });
  const ticket = await prisma.ticket.create({
    data: { shopId: shop.id, number: 1, subject: "Where is my order?", category: options.category ?? "order_status", customerId: local.id, orders: { create: { shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${orderId}`, orderName: "#1001" } } },
  });
  return { shop, customer, orderId, ticket };
}

async function timeline(ticketId: string) {
  const events = await prisma.ticketEvent.findMany({ where: { ticketId, type: "order_event" }, orderBy: { createdAt: "asc" } });
  return events.map((event) => event.data as Record<string, unknown>);
}

describe("order events on ticket timelines", () => {
  it("puts created, paid, fulfilled (carrier, tracking), in transit, out for delivery, delivered, cancelled and refunded (amount) on the ticket once each", async () => {
    // GIVEN a ticket linked to order #1001
    const { shop, customer, orderId, ticket } = await ticketOnOrder({ category: "other" });
    const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, "0")}:00Z`;
    const fulfillment = (minute: number, shipmentStatus: string | null) => fulfillmentPayload({ id: 4444, orderId, shipmentStatus, updatedAt: at(minute), createdAt: at(3), company: "DHL Express", number: "JD014600003SE", url: "https://dhl.example/t/JD014600003SE" });
    // WHEN the order's life arrives as webhooks (some twice)
    await deliver(shop.domain, "orders/create", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: at(1), financialStatus: "pending" }));
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: at(2), financialStatus: "paid" }));
    await deliver(shop.domain, "fulfillments/create", fulfillment(3, null));
    await deliver(shop.domain, "orders/fulfilled", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: at(3), fulfillmentStatus: "fulfilled", fulfillments: [fulfillment(3, null)] }));
    await drainJobs(shop);
    await deliver(shop.domain, "fulfillments/update", fulfillment(4, "in_transit"));
    await deliver(shop.domain, "fulfillments/update", fulfillment(5, "out_for_delivery"));
    await drainJobs(shop);
    await deliver(shop.domain, "fulfillments/update", fulfillment(6, "delivered"));
    await deliver(shop.domain, "refunds/create", refundPayload({ id: 9001, orderId, amount: "12.50", createdAt: at(7) }));
    await deliver(shop.domain, "orders/cancelled", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: at(8), financialStatus: "partially_refunded", cancelledAt: at(8), fulfillmentStatus: "fulfilled", fulfillments: [fulfillment(6, "delivered")] }));
    await drainJobs(shop);
    // THEN each fact is on the timeline once, in order, with its details
    const entries = await timeline(ticket.id);
    // (Facts revealed by one drain share its clock, so their order on the timeline is not asserted.)
    expect(entries.map((entry) => entry.kind).sort()).toEqual(["cancelled", "created", "delivered", "fulfilled", "in_transit", "out_for_delivery", "paid", "refunded"]);
    expect(entries.find((entry) => entry.kind === "fulfilled")).toMatchObject({ carrier: "DHL Express", trackingNumber: "JD014600003SE", trackingUrl: "https://dhl.example/t/JD014600003SE", orderName: "#1001" });
    expect(entries.find((entry) => entry.kind === "refunded")).toMatchObject({ amount: "12.50", currency: "USD" });
    expect(await prisma.orderSnapshot.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ financialStatus: "partially_refunded", shopifyCustomerId: `gid://shopify/Customer/${customer.id}` });
  });

  it("never lets an older event overwrite newer state (orders and fulfilments), whatever the arrival order", async () => {
    const { shop, customer, orderId, ticket } = await ticketOnOrder({ category: "other" });
    // GIVEN the newer state arrives first: refunded at 10:30, fulfilment delivered at 10:20
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: "2026-11-20T10:30:00Z", financialStatus: "refunded" }));
    await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 77, orderId, shipmentStatus: "delivered", updatedAt: "2026-11-20T10:20:00Z" }));
    await drainJobs(shop);
    // WHEN older deliveries arrive late (paid at 10:05, in transit at 10:10)
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: "2026-11-20T10:05:00Z", financialStatus: "paid" }), { triggeredAt: "2026-11-20T10:05:00Z" });
    await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 77, orderId, shipmentStatus: "in_transit", updatedAt: "2026-11-20T10:10:00Z" }));
    await drainJobs(shop);
    // THEN the snapshot keeps the newer state and no stale fact reaches the timeline
    const snapshot = await prisma.orderSnapshot.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(snapshot.financialStatus).toBe("refunded");
    expect(snapshot.shopifyUpdatedAt).toEqual(new Date("2026-11-20T10:30:00Z"));
    const data = snapshot.data as { state: { fulfillments: Record<string, { shipmentStatus: string }> } };
    expect(data.state.fulfillments["77"]!.shipmentStatus).toBe("delivered");
    const kinds = (await timeline(ticket.id)).map((entry) => entry.kind);
    expect(kinds).not.toContain("in_transit");
    expect(kinds.filter((kind) => kind === "delivered")).toHaveLength(1);
  });

  it("expires the customer panel's cached Admin answers for the order", async () => {
    const { shop, customer, orderId } = await ticketOnOrder();
    const key = `panel:v1|c:${customer.id}|o:,${orderId},`;
    await prisma.adminCacheEntry.create({ data: { shopId: shop.id, key, value: { cached: true }, expiresAt: new Date(Date.now() + 60_000) } });
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: "2026-11-20T10:00:00Z" }));
    await drainJobs(shop);
    const entry = await prisma.adminCacheEntry.findUniqueOrThrow({ where: { shopId_key: { shopId: shop.id, key } } });
    expect(entry.expiresAt.getTime()).toBeLessThan(Date.now());
  });

  it("suggests the tracking template to a 'where is my order' ticket when the fulfilment arrives", async () => {
    const { shop, customer, orderId, ticket } = await ticketOnOrder({ category: "order_status" });
    const template = await prisma.template.create({ data: { shopId: shop.id, name: "Where is my order?", category: "order_status" } });
    await deliver(shop.domain, "orders/fulfilled", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: "2026-11-20T11:00:00Z", fulfillmentStatus: "fulfilled", fulfillments: [fulfillmentPayload({ id: 55, orderId, updatedAt: "2026-11-20T11:00:00Z" })] }));
    await deliver(shop.domain, "fulfillments/create", fulfillmentPayload({ id: 55, orderId, updatedAt: "2026-11-20T11:00:00Z" }));
    await drainJobs(shop);
    const suggestions = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "template_suggested" } });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.data).toMatchObject({ templateKey: "order_where_is_my_order", templateId: template.id, orderName: "#1001" });
  });

  it("resolves a 'where is my order' ticket on delivery only when the merchant enabled it", async () => {
    for (const autoResolveOnDelivery of [false, true]) {
      const { shop, orderId, ticket } = await ticketOnOrder({ category: "order_status", settings: { autoResolveOnDelivery } });
      await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 66, orderId, shipmentStatus: "delivered", updatedAt: "2026-11-20T12:00:00Z" }));
      await drainJobs(shop);
      const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      expect(after.status, `autoResolveOnDelivery=${autoResolveOnDelivery}`).toBe(autoResolveOnDelivery ? "resolved" : "open");
    }
  });

  it("records the same facts on every ticket linked to the order", async () => {
    const { shop, customer, orderId, ticket } = await ticketOnOrder({ category: "other" });
    const second = await prisma.ticket.create({ data: { shopId: shop.id, number: 2, subject: "Also about #1001", orders: { create: { shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${orderId}`, orderName: "#1001" } } } });
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#1001", customer, updatedAt: "2026-11-20T10:00:00Z", cancelledAt: "2026-11-20T10:00:00Z" }));
    await drainJobs(shop);
    for (const id of [ticket.id, second.id]) expect((await timeline(id)).map((entry) => entry.kind).sort()).toEqual(["cancelled", "created", "paid"]);
  });
});
