// The customer and order panel against the Admin emulator over real HTTP: one request per build,
// the 60 s cache, and the stale fallback when Shopify is throttled, failing or slow.
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { invalidatePanelCache, loadCustomerPanel } from "../../app/services/customer-panel.server";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { createPanelTicket, customerWithTrackedOrder, FIXTURE, FIXTURE_NOW, PANEL_TOKEN } from "./panel-fixtures";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE, accessToken: PANEL_TOKEN });
  // The emulator loads Shopify's schema on its first request (a second or more on a busy machine).
  await createAdminClient({ shop: "warm-up.myshopify.com", accessToken: PANEL_TOKEN, origin: emulator.origin }).request("query Warm { shop { name } }");
});
// Builds expected to succeed get a generous deadline so a busy CI machine cannot make them stale;
// the stale tests use the real 2 s deadline.
const HEALTHY = { deadlineMs: 15_000 };
afterAll(async () => emulator?.close());
beforeEach(() => emulator.handler.reset());

const adminFor = (domain: string) => createAdminClient({ shop: domain, accessToken: PANEL_TOKEN, origin: emulator.origin });
const requests = () => emulator.handler.state.requestCount;

async function linkedTicket(settings?: Prisma.InputJsonObject) {
  const { customer, order, orders } = customerWithTrackedOrder();
  const setup = await createPanelTicket(prisma, { email: customer.email, messages: [`Hello, where is my order ${order.name}? Call me at 555 1234.`], settings });
  return { ...setup, remoteCustomer: customer, order, orders, admin: adminFor(setup.shop.domain) };
}

describe("loadCustomerPanel", () => {
  it("links the customer and the mentioned order, and shows orders, tracking and stock per location", async () => {
    // GIVEN a ticket whose customer mentions an order of theirs
    const { shop, ticket, admin, remoteCustomer, order } = await linkedTicket();

    // WHEN the panel is built for the first time
    const panel = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });

    // THEN the customer and the order are linked and shown in full
    expect(panel.stale).toBe(false);
    expect(panel.customer).toMatchObject({ shopifyCustomerId: remoteCustomer.id, email: remoteCustomer.email, language: remoteCustomer.locale });
    expect(panel.customer?.timeZone).toBeTruthy();
    expect(panel.orders.map((entry) => entry.name)).toEqual([order.name]);
    const shown = panel.orders[0]!;
    expect(shown.linkedBy).toBe("auto");
    expect(shown.adminUrl).toBe(`https://admin.shopify.com/store/${shop.domain.replace(".myshopify.com", "")}/orders/${order.id.split("/").pop()}`);
    const tracked = shown.fulfillments.find((fulfillment) => fulfillment.tracking.length > 0)!;
    expect(tracked.tracking[0]).toEqual(order.fulfillments.find((fulfillment) => fulfillment.id === tracked.id)!.trackingInfo[0]);
    expect(shown.lineItems).toHaveLength(order.lineItems.length);
    expect(shown.lineItems[0]!.stock.length).toBeGreaterThan(0);
    expect(shown.lineItems[0]!.stock[0]).toEqual(expect.objectContaining({ locationName: expect.any(String), available: expect.any(Number), onHand: expect.any(Number) }));
    expect(panel.recentOrders.find((recent) => recent.id === order.id)?.linked).toBe(true);
    expect(panel.cost).toBeGreaterThan(0);

    // AND the link is a TicketOrder row with a timeline entry; the customer row knows its Shopify id
    expect(await prisma.ticketOrder.findMany({ where: { ticketId: ticket.id }, select: { orderName: true, linkedBy: true } })).toEqual([{ orderName: order.name, linkedBy: "auto" }]);
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "order_linked" } })).toBe(1);
    expect((await prisma.customer.findFirst({ where: { shopId: shop.id } }))?.shopifyCustomerId).toBe(remoteCustomer.id);
  });

  it("builds the panel with ONE Admin request, and none within the cache's 60 s", async () => {
    // GIVEN a ticket whose links are established (the first build also runs the linking pass)
    const { shop, ticket, admin } = await linkedTicket();
    await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });
    expect(requests()).toBe(2);

    // WHEN the cached panel is invalidated (as a webhook would) and built again
    const customer = await prisma.customer.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(await invalidatePanelCache(prisma, shop.id, { customerId: customer.shopifyCustomerId })).toBe(1);
    const before = requests();
    const rebuilt = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });

    // THEN exactly one request built it; a second build within 60 s makes none
    expect(requests() - before).toBe(1);
    expect(rebuilt.stale).toBe(false);
    const cached = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: new Date(FIXTURE_NOW.getTime() + 30_000), ...HEALTHY });
    expect(requests() - before).toBe(1);
    expect(cached.orders).toEqual(rebuilt.orders);
    expect(cached.cost).toBe(rebuilt.cost);
  });

  it.each([
    ["throttled", { throttleNext: 50 }],
    ["failing (503)", { failNext: 50, status: 503 as const }],
    ["failing (401)", { failNext: 50, status: 401 as const }],
    ["slow (2.5 s)", { latencyMs: 2500 }],
  ])("renders the cached panel, marked stale with an error, when Shopify is %s", async (_label, mode) => {
    // GIVEN a cached panel that has expired
    const { shop, ticket, admin, order } = await linkedTicket();
    await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });
    const later = new Date(FIXTURE_NOW.getTime() + 120_000);

    // WHEN Shopify misbehaves
    emulator.setMode(mode);
    const started = Date.now();
    const panel = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: later });

    // THEN the stale panel comes back within about two seconds, with the reason
    expect(Date.now() - started).toBeLessThan(2_200);
    expect(panel.stale).toBe(true);
    expect(panel.error).toEqual(expect.any(String));
    expect(panel.errorKind).toEqual(expect.any(String));
    expect(panel.orders.map((entry) => entry.name)).toEqual([order.name]);
    expect(panel.fetchedAt).toBe(FIXTURE_NOW.toISOString());
  });

  it("renders an empty panel with the error when nothing is cached and Shopify fails", async () => {
    // GIVEN a new ticket and a failing Admin API
    const { shop, ticket, admin } = await linkedTicket();
    emulator.setMode({ failNext: 50, status: 503 });

    // WHEN the panel is built
    const started = Date.now();
    const panel = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW });

    // THEN it still renders what our database knows, marked stale
    expect(Date.now() - started).toBeLessThan(2_200);
    expect(panel).toMatchObject({ stale: true, orders: [], fetchedAt: null, customer: { displayName: "Local Name", shopifyCustomerId: null } });
    expect(panel.error).toEqual(expect.any(String));
  });

  it("flags low and out-of-stock items with the shop's threshold", async () => {
    // GIVEN a shop whose low-stock threshold is huge: every tracked item in stock is "low"
    const { shop, ticket, admin } = await linkedTicket({ lowStockThreshold: 1_000_000 });

    // WHEN the panel is built
    const panel = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });

    // THEN the flags follow the threshold
    expect(panel.lowStockThreshold).toBe(1_000_000);
    for (const line of panel.orders.flatMap((order) => order.lineItems).filter((item) => item.tracked)) {
      expect(line.lowStock).toBe((line.totalAvailable ?? 0) > 0);
      expect(line.outOfStock).toBe((line.totalAvailable ?? 0) <= 0);
    }
  });

  it("lists the customer's previous tickets with their outcome", async () => {
    // GIVEN an earlier, resolved and rated ticket of the same customer
    const { shop, ticket, admin, customer } = await linkedTicket();
    const resolvedAt = new Date("2026-10-01T10:00:00Z");
    const earlier = await prisma.ticket.create({
      data: { shopId: shop.id, number: ticket.number + 1, subject: "Earlier question", status: "resolved", resolvedAt, csatScore: 5, customerId: customer.id },
    });

    // AND one of another customer row with the same email, and one of another shop's customer with it
    const sameEmail = await prisma.customer.create({ data: { shopId: shop.id, email: customer.email, displayName: "Same person" } });
    const viaEmail = await prisma.ticket.create({
      data: { shopId: shop.id, number: ticket.number + 2, subject: "From the contact form", customerId: sameEmail.id, createdAt: new Date("2026-09-01T10:00:00Z") },
    });
    const elsewhere = await createPanelTicket(prisma, { email: customer.email ?? "", messages: ["hi"] });

    // WHEN the panel is built
    const panel = await loadCustomerPanel({ db: prisma, admin, shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });

    // THEN the earlier tickets are listed newest first, the current one and the other shop's are not
    expect(panel.previousTickets).toEqual([
      expect.objectContaining({ id: earlier.id, status: "resolved", resolvedAt: resolvedAt.toISOString(), csatScore: 5 }),
      expect.objectContaining({ id: viaEmail.id }),
    ]);
    expect(panel.previousTickets.map((entry) => entry.id)).not.toContain(elsewhere.ticket.id);
  });

  it("refuses another shop's ticket with a 404", async () => {
    // GIVEN a ticket of shop A and the context of shop B
    const { ticket } = await linkedTicket();
    const other = await createPanelTicket(prisma, { email: "someone@example.com", messages: ["hi"] });

    // WHEN shop B asks for shop A's ticket THEN it is not found, and nothing was sent to Shopify
    const attempt = loadCustomerPanel({ db: prisma, admin: adminFor(other.shop.domain), shop: other.shop, ticketId: ticket.id, now: FIXTURE_NOW, ...HEALTHY });
    await expect(attempt).rejects.toMatchObject({ status: 404 });
    expect(requests()).toBe(0);
  });
});
