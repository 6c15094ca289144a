// Shared set-up for the panel tests: the fixture shop's data to pick customers and orders from, and a
// ticket in a fresh shop of ours whose customer writes about an order.
import type { Prisma, PrismaClient } from "@prisma/client";
import { buildFixtureShop, REFERENCE_DATE, type CustomerRecord, type FixtureShop, type OrderRecord } from "../../dev/fixtures";
import { uniqueShopDomain } from "../factories";

export const PANEL_TOKEN = "shpat_panel_test";
export const FIXTURE: FixtureShop = buildFixtureShop();
export const FIXTURE_NOW = new Date(REFERENCE_DATE);

/** A customer with at least two orders, the latest one shipped with tracking. */
export function customerWithTrackedOrder(): { customer: CustomerRecord; order: OrderRecord; orders: OrderRecord[] } {
  for (const customer of FIXTURE.customers) {
    const orders = FIXTURE.orders.filter((order) => order.customerId === customer.id);
    const order = [...orders].reverse().find((candidate) => candidate.fulfillments.some((fulfillment) => fulfillment.trackingInfo.length > 0));
    if (orders.length >= 2 && order) return { customer, order, orders };
  }
  throw new Error("the fixture has no customer with a tracked order");
}

export async function createPanelTicket(
  db: PrismaClient,
  options: { email: string; messages: string[]; settings?: Prisma.InputJsonObject; domain?: string },
) {
  const shop = await db.shop.create({
    data: { domain: options.domain ?? uniqueShopDomain("panel"), name: "Panel shop", ...(options.settings ? { settings: options.settings } : {}) },
  });
  const customer = await db.customer.create({ data: { shopId: shop.id, email: options.email, displayName: "Local Name" } });
  const number = Math.floor(Math.random() * 1_000_000) + 1;
  const ticket = await db.ticket.create({
    data: {
      shopId: shop.id,
      number,
      subject: "Question about my order",
      customerId: customer.id,
      messages: {
        create: options.messages.map((bodyText, index) => ({
          shopId: shop.id,
          direction: "inbound",
          authorType: "customer",
          bodyText,
          channel: "email",
          createdAt: new Date(Date.parse(REFERENCE_DATE) - (options.messages.length - index) * 60_000),
        })),
      },
    },
  });
  return { shop, customer, ticket };
}
