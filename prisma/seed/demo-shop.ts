// Seeds the demo shop: the fixture shop's identity, an offline session for the local stand-in, agents,
// default business hours, and 64 tickets across every status, priority, severity and channel,
// in five languages, linked to fixture customers and orders.
import type { PrismaClient } from "@prisma/client";
import type { CustomerRecord, FixtureShop, MarketLanguage, OrderRecord } from "../../dev/fixtures";
import { TICKET_CHANNELS, TICKET_STATUSES } from "../../app/domain/ticket-fields";
import { refreshSearchDocument } from "../../app/models/ticket-search.server";
import { SEED_SCENARIOS, type SeedScenario } from "./scenarios";
import { seedDemoTemplates } from "./templates";
import { seedFaq } from "./faq";
import { seedResponseTime } from "./response-time";
import { DEMO_AGENTS, DEMO_SCOPES, DEMO_ACCESS_TOKEN } from "./demo-constants";

export const DEMO_TICKET_COUNT = 64;
const LANGUAGES: MarketLanguage[] = ["en", "zh-CN", "es", "de", "ja"];
// Minutes to first response by severity/category: mirrors the default SLA policies.
const FIRST_RESPONSE_MINUTES: Record<string, number> = { L1: 60, order_status: 30, cancellation: 30, shipping_address: 30, complaint: 60, damaged_wrong_missing: 60, return_refund: 60, product_question: 240 };
const PREFERRED_SCENARIO_ORDER: Record<string, OrderRecord["scenario"][]> = {
  "where-is-my-order": ["in_transit", "out_for_delivery"],
  "damaged-item": ["delivered"],
  "refund-request": ["delivered", "partially_refunded"],
  "address-change": ["unfulfilled"],
  "cancel-order": ["unfulfilled"],
  "chargeback-threat": ["in_transit", "delivered", "unfulfilled"],
};

function fill(text: string, order: OrderRecord | undefined, customer: CustomerRecord): string {
  return text.replaceAll("{order}", order?.name ?? "").replaceAll("{name}", customer.firstName);
}

function displayName(customer: CustomerRecord): string {
  return customer.locale === "zh-CN" || customer.locale === "ja"
    ? `${customer.lastName}${customer.firstName}`
    : `${customer.firstName} ${customer.lastName}`;
}

function pickOrder(scenario: SeedScenario, orders: OrderRecord[]): OrderRecord | undefined {
  if (scenario.key === "product-question" || scenario.key === "greeting") return undefined;
  const preferred = PREFERRED_SCENARIO_ORDER[scenario.key] ?? [];
  return orders.find((order) => preferred.includes(order.scenario)) ?? orders[0];
}

export async function seedDemoShop(db: PrismaClient, fixture: FixtureShop, now = new Date()): Promise<{ shopId: string }> {
  const domain = fixture.shop.myshopifyDomain;
  await db.shop.deleteMany({ where: { domain } });
  await db.session.deleteMany({ where: { shop: domain } });
  await db.session.create({
    data: { id: `offline_${domain}`, shop: domain, state: "demo", isOnline: false, scope: DEMO_SCOPES, accessToken: DEMO_ACCESS_TOKEN },
  });
  // Online sessions of the demo staff: what token exchange would store for each of them.
  for (const agent of DEMO_AGENTS) {
    const [firstName, ...rest] = agent.name.split(" ");
    await db.session.create({
      data: {
        id: `${domain}_${agent.shopifyStaffId}`,
        shop: domain,
        state: "demo",
        isOnline: true,
        scope: DEMO_SCOPES,
        accessToken: DEMO_ACCESS_TOKEN,
        expires: new Date(now.getTime() + 365 * 86_400_000),
        userId: BigInt(agent.shopifyStaffId),
        firstName,
        lastName: rest.join(" "),
        email: agent.email,
        locale: agent.locale,
        accountOwner: agent.role === "supervisor",
        emailVerified: true,
      },
    });
  }
  const shop = await db.shop.create({
    data: {
      domain,
      name: fixture.shop.name,
      email: fixture.shop.email,
      ianaTimezone: fixture.shop.ianaTimezone,
      currencyCode: fixture.shop.currencyCode,
      locale: fixture.shop.primaryLocale,
      schedules: {
        create: {
          name: "Support hours",
          timezone: fixture.shop.ianaTimezone,
          intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
            { weekday, start: "09:00", end: "12:30" },
            { weekday, start: "13:30", end: "18:00" },
          ]),
        },
      },
    },
  });
  const agents = await Promise.all(
    DEMO_AGENTS.map((agent) => db.agent.create({ data: { ...agent, shopId: shop.id } })),
  );

  const customersByLanguage = new Map<MarketLanguage, CustomerRecord[]>();
  for (const customer of fixture.customers) {
    const list = customersByLanguage.get(customer.locale) ?? [];
    list.push(customer);
    customersByLanguage.set(customer.locale, list);
  }
  const ordersByCustomer = new Map<string, OrderRecord[]>();
  for (const order of fixture.orders) {
    const list = ordersByCustomer.get(order.customerId) ?? [];
    list.push(order);
    ordersByCustomer.set(order.customerId, list);
  }
  const customerRowIds = new Map<string, string>();

  for (let index = 0; index < DEMO_TICKET_COUNT; index++) {
    const scenario = SEED_SCENARIOS[index % SEED_SCENARIOS.length]!;
    const language = LANGUAGES[index % LANGUAGES.length]!;
    const candidates = customersByLanguage.get(language) ?? fixture.customers;
    const customer = candidates[Math.floor(index / LANGUAGES.length) % candidates.length]!;
    const order = pickOrder(scenario, ordersByCustomer.get(customer.id) ?? []);
    const status = TICKET_STATUSES[[0, 0, 1, 0, 2, 0, 3, 4][index % 8]!]!;
    const channel = TICKET_CHANNELS[index % TICKET_CHANNELS.length]!;
    const priority = index % 11 === 5 && scenario.severity === "L3" ? "low" : scenario.priority;
    const createdAt = new Date(now.getTime() - (index * 47 + 5) * 60_000 - (index % 4) * 86_400_000);
    const answered = status !== "open" || index % 3 === 0;
    const repliedAt = new Date(createdAt.getTime() + 25 * 60_000);
    const firstResponseMinutes = FIRST_RESPONSE_MINUTES[scenario.severity === "L1" ? "L1" : scenario.category] ?? 480;
    const firstResponseDueAt = new Date(createdAt.getTime() + firstResponseMinutes * 60_000);
    const resolutionDueAt = new Date(createdAt.getTime() + 3 * 86_400_000);
    const followUpAt = new Date(repliedAt.getTime() + 40 * 60_000);
    const hasFollowUp = answered && status === "open" && scenario.followUp !== undefined;
    const nextResponseDueAt = hasFollowUp ? new Date(followUpAt.getTime() + 4 * 60 * 60_000) : null;
    const active = status === "open" || status === "pending" || status === "snoozed";
    const assignee = index % 5 === 4 ? null : agents[index % agents.length]!;

    let customerId = customerRowIds.get(customer.id);
    if (!customerId) {
      const row = await db.customer.create({
        data: {
          shopId: shop.id,
          shopifyCustomerId: customer.id,
          email: customer.email,
          phone: customer.phone,
          firstName: customer.firstName,
          lastName: customer.lastName,
          displayName: displayName(customer),
          language: customer.locale,
          ordersCount: ordersByCustomer.get(customer.id)?.length ?? 0,
        },
      });
      customerId = row.id;
      customerRowIds.set(customer.id, customerId);
    }

    const messages = [
      { direction: "inbound", authorType: "customer", authorName: displayName(customer), bodyText: fill(scenario.customerMessage[language], order, customer), createdAt },
      ...(answered
        ? [{ direction: "outbound", authorType: "agent", authorName: assignee?.name ?? agents[0]!.name, authorAgentId: assignee?.id ?? agents[0]!.id, bodyText: fill(scenario.agentReply[language], order, customer), createdAt: repliedAt, deliveryStatus: "delivered" }]
        : []),
      ...(hasFollowUp ? [{ direction: "inbound", authorType: "customer", authorName: displayName(customer), bodyText: fill(scenario.followUp![language], order, customer), createdAt: followUpAt }] : []),
      ...(index % 6 === 1 ? [{ direction: "note", authorType: "agent", authorName: agents[1]!.name, authorAgentId: agents[1]!.id, bodyText: "Checked the carrier portal: scan delayed at the hub, not lost.", createdAt: new Date(createdAt.getTime() + 10 * 60_000) }] : []),
    ];
    const lastMessage = messages.filter((message) => message.direction !== "note").at(-1)!;
    const slaDueAt = !active ? null : hasFollowUp ? nextResponseDueAt : answered ? resolutionDueAt : firstResponseDueAt;

    const ticket = await db.ticket.create({
      data: {
        shopId: shop.id,
        number: 1001 + index,
        subject: fill(scenario.subject[language], order, customer),
        status,
        priority,
        severity: scenario.severity,
        category: scenario.category,
        channel,
        language,
        snippet: lastMessage.bodyText.slice(0, 160),
        assigneeId: assignee?.id ?? null,
        customerId,
        firstResponseDueAt,
        nextResponseDueAt,
        resolutionDueAt,
        slaDueAt,
        slaPausedAt: status === "pending" ? repliedAt : null,
        firstRespondedAt: answered ? repliedAt : null,
        waitingSince: status === "open" ? (hasFollowUp ? followUpAt : answered ? null : createdAt) : null,
        lastCustomerMessageAt: hasFollowUp ? followUpAt : createdAt,
        lastAgentMessageAt: answered ? repliedAt : null,
        lastActivityAt: lastMessage.createdAt,
        snoozedUntil: status === "snoozed" ? new Date(now.getTime() + 20 * 60 * 60_000) : null,
        resolvedAt: status === "resolved" || status === "closed" ? new Date(repliedAt.getTime() + 60 * 60_000) : null,
        closedAt: status === "closed" ? new Date(repliedAt.getTime() + 2 * 60 * 60_000) : null,
        automationDisabled: scenario.severity === "L1",
        escalatedAt: scenario.severity === "L1" ? createdAt : null,
        unread: status === "open" && (!answered || hasFollowUp),
        csatScore: status === "closed" ? 3 + (index % 3) : null,
        createdAt,
        messages: { create: messages.map((message) => ({ ...message, shopId: shop.id, channel })) },
        tags: { create: [{ shopId: shop.id, tag: scenario.key }, ...(index % 7 === 0 ? [{ shopId: shop.id, tag: "vip" }] : [])] },
        orders: order ? { create: [{ shopId: shop.id, shopifyOrderId: order.id, orderName: order.name, linkedBy: "auto" }] } : undefined,
        events: {
          create: [
            { shopId: shop.id, type: "created", actorType: "system", data: { channel }, createdAt },
            ...(assignee ? [{ shopId: shop.id, type: "assigned", actorType: "system", data: { agentId: assignee.id, rule: "round_robin" }, createdAt }] : []),
            ...(status !== "open" ? [{ shopId: shop.id, type: "status_changed", actorType: "agent", data: { from: "open", to: status }, createdAt: repliedAt }] : []),
          ],
        },
      },
    });
    await refreshSearchDocument(db, shop.id, ticket.id);
  }
  await db.shop.update({ where: { id: shop.id }, data: { nextTicketNumber: 1001 + DEMO_TICKET_COUNT } });
  await seedDemoTemplates(db, shop.id, now);
  await seedFaq(db, shop.id);
  await seedResponseTime(db, shop.id, now);
  return { shopId: shop.id };
}
