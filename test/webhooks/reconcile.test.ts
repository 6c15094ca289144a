// Reconciliation against the local Admin API emulator: orders of shops with open tickets are re-read
// and what the webhooks missed is healed, with the same once-only effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { orderReconcileJob } from "../../app/jobs/definitions/order-reconcile.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { silentLogger } from "../../app/jobs/types";
import { reconcileShop, shopsToReconcile } from "../../app/services/order-events/reconcile.server";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { buildFixtureShop, REFERENCE_DATE, type OrderRecord } from "../../dev/fixtures";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, drainJobs } from "./harness";
import { orderPayload } from "./payloads";

const FIXTURE = buildFixtureShop();
const TOKEN = "shpat_reconcile_test";
const NOW = new Date(REFERENCE_DATE);
let emulator: RunningAdminEmulator;

beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE, accessToken: TOKEN, now: () => NOW.getTime() });
});
afterAll(async () => {
  await emulator?.close();
});

function trackedOrder(): OrderRecord {
  const order = [...FIXTURE.orders].reverse().find((candidate) => candidate.fulfillments.some((f) => f.status === "SUCCESS" && f.trackingInfo.length > 0) && !candidate.cancelledAt);
  if (!order) throw new Error("the fixture has no shipped order with tracking");
  return order;
}

async function shopWithOpenTicketOn(order: OrderRecord) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("reconcile") });
  const ticket = await prisma.ticket.create({ data: { shopId: shop.id, number: 1, subject: "Where is it?", orders: { create: { shopId: shop.id, shopifyOrderId: order.id, orderName: order.name } } } });
  return { shop, ticket };
}

describe("reconciliation", () => {
  it("heals an order whose webhooks never arrived, once", async () => {
    // GIVEN an open ticket on a shipped order, and no webhook ever received for it
    const order = trackedOrder();
    const { shop, ticket } = await shopWithOpenTicketOn(order);
    const admin = createAdminClient({ shop: shop.domain, accessToken: TOKEN, origin: emulator.origin });
    const deps = { db: prisma, queue: new EmbeddedJobQueue(prisma), now: NOW, admin };
    const lookbackMs = NOW.getTime() - Date.parse(order.updatedAt) + 1;
    // WHEN reconciliation runs, twice
    const first = await reconcileShop(deps, shop, { lookbackMs });
    const second = await reconcileShop(deps, shop, { lookbackMs });
    // THEN the order is known, its facts are on the ticket once, and the second run had nothing to heal
    expect(first.healed).toContain(order.name);
    expect(second.healed).toEqual([]);
    expect(await prisma.orderSnapshot.findUniqueOrThrow({ where: { shopId_shopifyOrderId: { shopId: shop.id, shopifyOrderId: order.id } } })).toMatchObject({ orderName: order.name });
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "order_event" } });
    const fulfilled = events.map((event) => event.data as Record<string, unknown>).find((data) => data.kind === "fulfilled");
    const tracking = order.fulfillments.find((f) => f.trackingInfo.length > 0)!.trackingInfo[0]!;
    expect(fulfilled).toMatchObject({ carrier: tracking.company, trackingNumber: tracking.number, orderName: order.name });
    expect(new Set(events.map((event) => event.dedupeKey)).size).toBe(events.length);
  });

  it("lets a late, older webhook change nothing after reconciliation", async () => {
    const order = trackedOrder();
    const { shop, ticket } = await shopWithOpenTicketOn(order);
    const admin = createAdminClient({ shop: shop.domain, accessToken: TOKEN, origin: emulator.origin });
    await reconcileShop({ db: prisma, queue: new EmbeddedJobQueue(prisma), now: NOW, admin }, shop, { lookbackMs: NOW.getTime() - Date.parse(order.updatedAt) + 1 });
    const before = await prisma.ticketEvent.count({ where: { ticketId: ticket.id } });
    const customer = { id: Number(order.customerId.split("/").pop()), email: order.email, phone: "+15555550100", firstName: "Late", lastName: "Webhook" };
    await deliver(shop.domain, "orders/updated", orderPayload({ id: Number(order.id.split("/").pop()), name: order.name, customer, updatedAt: new Date(Date.parse(order.createdAt)).toISOString(), financialStatus: "pending" }));
    await drainJobs(shop);
    const snapshot = await prisma.orderSnapshot.findUniqueOrThrow({ where: { shopId_shopifyOrderId: { shopId: shop.id, shopifyOrderId: order.id } } });
    expect(snapshot.financialStatus).toBe(order.financialStatus.toLowerCase());
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id } })).toBe(before);
  });

  it("runs as a job for shops with open tickets, with the shop's offline token", async () => {
    const order = trackedOrder();
    const { shop, ticket } = await shopWithOpenTicketOn(order);
    await prisma.session.create({ data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "x", isOnline: false, accessToken: TOKEN } });
    expect((await shopsToReconcile(prisma)).map((s) => s.id)).toContain(shop.id);
    const previousOrigin = process.env.SHOPIFY_ADMIN_API_ORIGIN;
    process.env.SHOPIFY_ADMIN_API_ORIGIN = emulator.origin;
    try {
      // The default six-hour window before the fixture's reference time.
      await orderReconcileJob.run({ shopId: shop.id }, { db: prisma, now: new Date(Date.parse(order.updatedAt) + 60_000), jobId: "t", attempt: 1, log: silentLogger });
    } finally {
      if (previousOrigin === undefined) delete process.env.SHOPIFY_ADMIN_API_ORIGIN;
      else process.env.SHOPIFY_ADMIN_API_ORIGIN = previousOrigin;
    }
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "order_event" } })).toBeGreaterThan(0);
  });
});
