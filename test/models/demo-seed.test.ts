import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { buildFixtureShop } from "../../dev/fixtures";
import { seedDemoShop, DEMO_TICKET_COUNT } from "../../prisma/seed/demo-shop";
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES, TICKET_STATUSES } from "../../app/domain/ticket-fields";

describe("demo seed", () => {
  it("seeds at least 60 tickets across every status, priority, severity and channel, linked to fixture orders", async () => {
    // GIVEN the deterministic fixture shop
    const fixture = buildFixtureShop();
    // WHEN the demo shop is seeded (twice: the demo reseeds on every start)
    await seedDemoShop(prisma, fixture, new Date("2026-11-20T15:00:00Z"));
    const { shopId } = await seedDemoShop(prisma, fixture, new Date("2026-11-20T15:00:00Z"));
    // THEN
    const tickets = await prisma.ticket.findMany({ where: { shopId }, include: { orders: true, messages: true } });
    expect(tickets).toHaveLength(DEMO_TICKET_COUNT);
    expect(DEMO_TICKET_COUNT).toBeGreaterThanOrEqual(60);
    for (const [field, values] of [
      ["status", TICKET_STATUSES],
      ["priority", TICKET_PRIORITIES],
      ["severity", TICKET_SEVERITIES],
      ["channel", TICKET_CHANNELS],
    ] as const) {
      expect(new Set(tickets.map((ticket) => ticket[field]))).toEqual(new Set(values));
    }
    expect(new Set(tickets.map((ticket) => ticket.language))).toEqual(new Set(["en", "zh-CN", "es", "de", "ja"]));
    const fixtureOrderIds = new Set(fixture.orders.map((order) => order.id));
    const linked = tickets.flatMap((ticket) => ticket.orders);
    expect(linked.length).toBeGreaterThan(40);
    for (const link of linked) expect(fixtureOrderIds.has(link.shopifyOrderId)).toBe(true);
    // Every message mentioning an order names the linked one; no placeholder is left behind.
    for (const ticket of tickets) for (const message of ticket.messages) expect(message.bodyText).not.toMatch(/\{(order|name)\}/);
    const documents = await prisma.ticketSearchDocument.count({ where: { shopId } });
    expect(documents).toBe(DEMO_TICKET_COUNT);
    expect(await prisma.session.count({ where: { shop: fixture.shop.myshopifyDomain } })).toBe(4); // offline + one online per staff member
  });
});
