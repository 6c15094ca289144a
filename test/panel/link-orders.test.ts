// Automatic linking from the messages (several languages) and the customer's recent orders, and the
// panel query's cost against Shopify's 1,000-point cap.
import { parse, getOperationAST } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { autoLinkOrders, needsAutoLink, unlinkOrder } from "../../app/services/link-orders.server";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { CustomerPanelQuery, OrderLinkCandidatesQuery, PANEL_MAX_DETAILED_ORDERS } from "../../app/shopify/queries/customer-panel.server";
import { loadAdminSchema } from "../../dev/admin-schema";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from "../../dev/emulator/cost";
import { createPanelTicket, customerWithTrackedOrder, FIXTURE, FIXTURE_NOW, PANEL_TOKEN } from "./panel-fixtures";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE, accessToken: PANEL_TOKEN });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.handler.reset());

const adminFor = (domain: string) => createAdminClient({ shop: domain, accessToken: PANEL_TOKEN, origin: emulator.origin });

async function linkFrom(messages: string[], email = customerWithTrackedOrder().customer.email) {
  const setup = await createPanelTicket(prisma, { email, messages });
  const result = await autoLinkOrders({ db: prisma, admin: adminFor(setup.shop.domain), shop: setup.shop, ticketId: setup.ticket.id, now: FIXTURE_NOW });
  const links = await prisma.ticketOrder.findMany({ where: { ticketId: setup.ticket.id }, orderBy: { createdAt: "asc" } });
  return { ...setup, result, names: links.map((link) => link.orderName).sort() };
}

describe("autoLinkOrders", () => {
  const { orders } = customerWithTrackedOrder();
  const first = orders[0];
  const second = orders.at(-2); // bare numbers are matched against the customer's 20 most recent orders
  const number = (name: string) => name.replace("#", "");

  it.each([
    ["en", (n: string) => `Hi, my order #${n} has not arrived`],
    ["zh-CN", (n: string) => `你好，我的订单号是${n}，还没收到`],
    ["ja", (n: string) => `注文番号：${n}の配送状況を教えてください`],
    ["es", (n: string) => `Mi pedido ${n} llegó roto`],
    ["de", (n: string) => `Meine Bestellung ${n} ist nicht angekommen`],
    ["fr", (n: string) => `Ma commande n° ${n} est en retard`],
  ])("%s: links the order named in the message", async (_language, message) => {
    const { names } = await linkFrom([message(number(first!.name))]);
    expect(names).toEqual([first!.name]);
  });

  it("links a bare number only when it is one of the customer's orders", async () => {
    const stranger = FIXTURE.orders.find((order) => order.customerId !== first!.customerId)!;
    const { names } = await linkFrom([`About ${number(second!.name)} and also ${number(stranger.name)}, thanks`]);
    expect(names).toEqual([second!.name]);
  });

  it("links an explicit mention of someone else's order (customers check out with other e-mails)", async () => {
    const stranger = FIXTURE.orders.find((order) => order.customerId !== first!.customerId)!;
    const { names } = await linkFrom([`Order ${stranger.name} please`], "unknown@example.com");
    expect(names).toEqual([stranger.name]);
  });

  it("ignores prices, phone numbers and years", async () => {
    const { names, result } = await linkFrom(["I paid $2051 in 2024, call 555 1234"], "unknown@example.com");
    expect(names).toEqual([]);
    expect(result.customerId).toBeNull();
  });

  it("links the customer's latest order when nothing is mentioned, once per new message", async () => {
    const { customer, order } = customerWithTrackedOrder();
    const setup = await createPanelTicket(prisma, { email: customer.email, messages: ["Where is my parcel?"] });
    const latest = FIXTURE.orders.filter((candidate) => candidate.customerId === customer.id).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]!;
    const admin = adminFor(setup.shop.domain);
    const windowOpen = Date.parse(FIXTURE_NOW.toISOString()) - Date.parse(latest.createdAt) <= 60 * 86_400_000;
    await autoLinkOrders({ db: prisma, admin, shop: setup.shop, ticketId: setup.ticket.id, now: FIXTURE_NOW });
    const links = await prisma.ticketOrder.findMany({ where: { ticketId: setup.ticket.id } });
    expect(links.map((link) => link.orderName)).toEqual(windowOpen ? [latest.name] : []);
    expect(await needsAutoLink(prisma, setup.shop.id, setup.ticket.id)).toBe(false);
    expect(order).toBeTruthy();
  });

  it("never re-links an order an agent unlinked", async () => {
    const { shop, ticket, names } = await linkFrom([`order ${first!.name}`]);
    expect(names).toEqual([first!.name]);
    await unlinkOrder({ db: prisma, shopId: shop.id, ticketId: ticket.id, orderId: first!.id, agentId: null });
    await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "inbound", authorType: "customer", bodyText: `again: ${first!.name}`, channel: "email" } });
    expect(await needsAutoLink(prisma, shop.id, ticket.id)).toBe(true);
    await autoLinkOrders({ db: prisma, admin: adminFor(shop.domain), shop, ticketId: ticket.id, now: FIXTURE_NOW });
    expect(await prisma.ticketOrder.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});

describe("panel query cost", () => {
  const schema = loadAdminSchema(ADMIN_API_VERSION);
  const cost = (source: string, variables: Record<string, unknown>) => {
    const document = parse(source);
    return requestedQueryCost(schema, document, getOperationAST(document)!, variables);
  };

  it(`stays under ${MAX_SINGLE_QUERY_COST} points with ${PANEL_MAX_DETAILED_ORDERS} detailed orders`, () => {
    const orderIds = Array.from({ length: PANEL_MAX_DETAILED_ORDERS }, (_, index) => `gid://shopify/Order/${index + 1}`);
    const requested = cost(CustomerPanelQuery, { identifier: { emailAddress: "a@example.com" }, withCustomer: true, orderIds });
    expect(requested).toBeLessThan(MAX_SINGLE_QUERY_COST * 0.9);
    expect(cost(OrderLinkCandidatesQuery, {})).toBeLessThan(200);
  });
});
