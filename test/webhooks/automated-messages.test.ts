// Automated customer messages from order events: merchant rules, conditions re-checked at send time,
// customers with open tickets left alone, quiet hours and the per-customer cap, every send recorded in
// the customer's history and handed to the channel adapter — once per merchant action.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { saveAutomatedMessageRule } from "../../app/services/automated-messages/rules.server";
import { demoOutbox } from "../../app/services/channels/demo-adapter.server";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, drainJobs, testCustomer, uniqueOrderId } from "./harness";
import { fulfillmentPayload, orderPayload, refundPayload } from "./payloads";

// Berlin (the factory shop's zone): 12:00 UTC is early afternoon; 22:30 UTC is within quiet hours.
const NOON = new Date("2026-12-01T12:00:00Z");
const hours = (base: Date, n: number) => new Date(base.getTime() + n * 3_600_000);

async function shopWithRules(kinds: Parameters<typeof saveAutomatedMessageRule>[2][], options: { delayDays?: number } = {}) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("auto") });
  for (const kind of kinds) await saveAutomatedMessageRule(prisma, shop.id, kind, { enabled: true, delayDays: options.delayDays });
  return { shop, customer: testCustomer("auto"), orderId: uniqueOrderId() };
}

const sends = (shopId: string) => prisma.automatedSend.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } });
const outboxOf = (shopId: string) => demoOutbox().filter((message) => message.shopId === shopId);

function shipped(orderId: number, customer: ReturnType<typeof testCustomer>, at: Date, extra: { estimatedDeliveryAt?: string } = {}) {
  const fulfillment = fulfillmentPayload({ id: 31, orderId, updatedAt: at.toISOString(), company: "UPS", number: "1ZTRACK0001", url: "https://ups.example/1ZTRACK0001", ...extra });
  return { fulfillment, order: orderPayload({ id: orderId, name: "#2001", customer, updatedAt: at.toISOString(), fulfillmentStatus: "fulfilled", fulfillments: [fulfillment] }) };
}

describe("automated messages", () => {
  it("sends nothing when the merchant has not switched a rule on", async () => {
    const { shop, customer, orderId } = await shopWithRules([]);
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON).order);
    await drainJobs(shop, NOON);
    expect(await prisma.job.count({ where: { shopId: shop.id, name: "automated-message.send" } })).toBe(0);
    expect(await sends(shop.id)).toHaveLength(0);
  });

  it("sends one shipping confirmation with tracking for one merchant action, recorded in the customer's history", async () => {
    // GIVEN the rule on, and the fulfilment arriving as orders/fulfilled and fulfillments/create sharing one event id
    const { shop, customer, orderId } = await shopWithRules(["shipping_confirmation"]);
    const { order, fulfillment } = shipped(orderId, customer, NOON);
    const first = await deliver(shop.domain, "orders/fulfilled", order);
    await deliver(shop.domain, "fulfillments/create", fulfillment, { eventId: first.eventId });
    await deliver(shop.domain, "orders/updated", order, { eventId: first.eventId });
    // WHEN the jobs run
    await drainJobs(shop, NOON);
    await drainJobs(shop, NOON);
    // THEN one send, through the adapter, with the tracking link, on a resolved ticket of the customer
    const recorded = await sends(shop.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: "shipping_confirmation", status: "sent", eventKey: `shipping_confirmation:gid://shopify/Order/${orderId}:31` });
    const message = await prisma.message.findUniqueOrThrow({ where: { id: recorded[0]!.messageId! }, include: { ticket: { include: { customer: true } } } });
    expect(message).toMatchObject({ isAutomated: true, authorType: "automation", direction: "outbound", deliveryStatus: "sent" });
    expect(message.bodyText).toContain("https://ups.example/1ZTRACK0001");
    expect(message.ticket).toMatchObject({ status: "resolved", subject: "Your order #2001 is on its way" });
    expect(message.ticket.customer).toMatchObject({ email: customer.email, shopifyCustomerId: `gid://shopify/Customer/${customer.id}` });
    expect(outboxOf(shop.id).map((sent) => sent.messageId)).toEqual([message.id]);
  });

  it("sends even when the shop's ticket counter points at a number already taken", async () => {
    const { shop, customer, orderId } = await shopWithRules(["shipping_confirmation"]);
    await prisma.ticket.create({ data: { shopId: shop.id, number: 1001, subject: "Imported", status: "closed" } });
    await prisma.ticket.create({ data: { shopId: shop.id, number: 1002, subject: "Imported", status: "closed" } });
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON).order);
    await drainJobs(shop, NOON);
    const [send] = await sends(shop.id);
    expect(send).toMatchObject({ status: "sent" });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: send!.ticketId! } })).number).toBe(1003);
  });

  it("skips the message when the customer has an open ticket", async () => {
    const { shop, customer, orderId } = await shopWithRules(["shipping_confirmation"]);
    const local = await prisma.customer.create({ data: { shopId: shop.id, email: customer.email, shopifyCustomerId: `gid://shopify/Customer/${customer.id}` } });
    await prisma.ticket.create({ data: { shopId: shop.id, number: 7, subject: "Open question", customerId: local.id } });
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON).order);
    await drainJobs(shop, NOON);
    expect(await sends(shop.id)).toMatchObject([{ status: "skipped", reason: "customer_has_open_ticket" }]);
    expect(outboxOf(shop.id)).toHaveLength(0);
  });

  it("waits for the end of the customer's quiet hours", async () => {
    const { shop, customer, orderId } = await shopWithRules(["shipping_confirmation"]);
    const lateEvening = new Date("2026-12-01T22:30:00Z"); // 23:30 in Berlin
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, lateEvening).order);
    await drainJobs(shop, lateEvening);
    expect(await sends(shop.id)).toHaveLength(0);
    const deferred = await prisma.job.findFirstOrThrow({ where: { shopId: shop.id, name: "automated-message.send", status: "queued" } });
    expect(deferred.runAt).toEqual(new Date("2026-12-02T07:00:00Z")); // 08:00 in Berlin
    await drainJobs(shop, deferred.runAt);
    expect(await sends(shop.id)).toMatchObject([{ status: "sent", kind: "shipping_confirmation" }]);
  });

  it("holds to one automated message per customer per 24 hours", async () => {
    const { shop, customer, orderId } = await shopWithRules(["shipping_confirmation", "refund_confirmation"]);
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON).order);
    await drainJobs(shop, NOON);
    await deliver(shop.domain, "refunds/create", refundPayload({ id: 8101, orderId, amount: "12.50", createdAt: hours(NOON, 1).toISOString() }));
    await drainJobs(shop, hours(NOON, 1));
    const recorded = await sends(shop.id);
    expect(recorded.map((send) => [send.kind, send.status])).toEqual([["shipping_confirmation", "sent"], ["refund_confirmation", "skipped"]]);
    expect(recorded[0]!.reason).toMatch(/^event:/); // the X-Shopify-Event-Id that caused it
    expect(recorded[1]!.reason).toBe("quiet_hours:cap");
  });

  it("confirms a refund with its amount", async () => {
    const { shop, customer, orderId } = await shopWithRules(["refund_confirmation"]);
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#2001", customer, updatedAt: NOON.toISOString() }));
    await deliver(shop.domain, "refunds/create", refundPayload({ id: 8102, orderId, amount: "12.50", createdAt: NOON.toISOString() }));
    await drainJobs(shop, NOON);
    const [send] = await sends(shop.id);
    expect(send).toMatchObject({ kind: "refund_confirmation", status: "sent" });
    expect((await prisma.message.findUniqueOrThrow({ where: { id: send!.messageId! } })).bodyText).toContain("$12.50");
  });

  it("follows up N days after delivery, and not when the order was refunded meanwhile", async () => {
    for (const refundedMeanwhile of [false, true]) {
      const { shop, customer, orderId } = await shopWithRules(["delivery_followup"], { delayDays: 3 });
      await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#2001", customer, updatedAt: NOON.toISOString() }));
      await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 41, orderId, shipmentStatus: "delivered", updatedAt: NOON.toISOString() }));
      await drainJobs(shop, NOON);
      const job = await prisma.job.findFirstOrThrow({ where: { shopId: shop.id, name: "automated-message.send" } });
      expect(job.runAt).toEqual(hours(NOON, 72));
      if (refundedMeanwhile) {
        await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#2001", customer, updatedAt: hours(NOON, 24).toISOString(), financialStatus: "refunded" }));
        await drainJobs(shop, hours(NOON, 24));
      }
      await drainJobs(shop, hours(NOON, 72));
      const [send] = await sends(shop.id);
      expect(send, `refunded meanwhile: ${refundedMeanwhile}`).toMatchObject(refundedMeanwhile ? { status: "skipped", reason: "order_refunded" } : { status: "sent", kind: "delivery_followup" });
    }
  });

  it("sends a delay notice when the estimated delivery passes without delivery, re-checked at send time", async () => {
    for (const deliveredInTime of [false, true]) {
      const { shop, customer, orderId } = await shopWithRules(["delay_notice"]);
      const estimate = hours(NOON, 48);
      await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON, { estimatedDeliveryAt: estimate.toISOString() }).order);
      await drainJobs(shop, NOON);
      expect(await sends(shop.id)).toHaveLength(0);
      if (deliveredInTime) {
        await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 31, orderId, shipmentStatus: "delivered", updatedAt: hours(NOON, 30).toISOString() }));
        await drainJobs(shop, hours(NOON, 30));
      }
      await drainJobs(shop, estimate);
      const [send] = await sends(shop.id);
      expect(send, `delivered in time: ${deliveredInTime}`).toMatchObject(deliveredInTime ? { status: "skipped", reason: "delivered" } : { status: "sent", kind: "delay_notice" });
    }
  });

  it("follows a moved estimate: the first check finds the order not late, the new estimate's check sends the notice", async () => {
    const { shop, customer, orderId } = await shopWithRules(["delay_notice"]);
    const firstEstimate = hours(NOON, 48);
    const movedEstimate = hours(NOON, 96);
    await deliver(shop.domain, "orders/fulfilled", shipped(orderId, customer, NOON, { estimatedDeliveryAt: firstEstimate.toISOString() }).order);
    await drainJobs(shop, NOON);
    await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 31, orderId, shipmentStatus: "in_transit", updatedAt: hours(NOON, 24).toISOString(), estimatedDeliveryAt: movedEstimate.toISOString() }));
    await drainJobs(shop, hours(NOON, 24));
    await drainJobs(shop, firstEstimate);
    expect(await sends(shop.id)).toHaveLength(0);
    await drainJobs(shop, movedEstimate);
    expect(await sends(shop.id)).toMatchObject([{ kind: "delay_notice", status: "sent" }]);
  });

  it("re-checks the rule at send time: switched off meanwhile, nothing goes out", async () => {
    const { shop, customer, orderId } = await shopWithRules(["delivery_followup"]);
    await deliver(shop.domain, "fulfillments/update", fulfillmentPayload({ id: 42, orderId, shipmentStatus: "delivered", updatedAt: NOON.toISOString() }));
    await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: "#2001", customer, updatedAt: NOON.toISOString() }));
    await drainJobs(shop, NOON);
    await saveAutomatedMessageRule(prisma, shop.id, "delivery_followup", { enabled: false });
    await drainJobs(shop, hours(NOON, 48));
    expect(await sends(shop.id)).toMatchObject([{ status: "skipped", reason: "rule_off" }]);
  });
});
