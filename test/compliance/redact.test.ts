// customers/redact: the customer's personal data is gone from every text column of every table —
// proven by searching them all — while ticket counts, statuses and scores stay; other customers keep theirs.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { env } from "../../app/env.server";
import { databaseProvider } from "../../app/db/create-client.server";
import { searchTicketIds } from "../../app/models/ticket-search.server";
import { refreshSearchDocument } from "../../app/models/ticket-search.server";
import { REDACTION_MARKER } from "../../app/services/compliance/identifiers";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, drainJobs, uniqueOrderId } from "../webhooks/harness";
import { orderPayload } from "../webhooks/payloads";
import { findText, scannedColumnCount } from "./text-scan";

function distinctivePerson(label: string) {
  const tag = Math.random().toString(36).slice(2, 8);
  const id = 8_000_000 + Math.floor(Math.random() * 1_000_000);
  return { id, email: `${label}.${tag}@privacy.example`, phone: `+4420794${String(id).slice(-5)}`, firstName: `Ysolde${tag}`, lastName: `Marchbank${tag}` };
}

async function customerWithHistory(shop: { id: string; domain: string }, person: ReturnType<typeof distinctivePerson>, number: number) {
  const customer = await prisma.customer.create({
    data: { shopId: shop.id, shopifyCustomerId: `gid://shopify/Customer/${person.id}`, email: person.email, phone: person.phone, firstName: person.firstName, lastName: person.lastName, displayName: `${person.firstName} ${person.lastName}` },
  });
  const orderId = uniqueOrderId();
  const ticket = await prisma.ticket.create({
    data: {
      shopId: shop.id, number, subject: `Refund for ${person.firstName} ${person.lastName}`, snippet: `Call me on ${person.phone}`, status: "resolved", csatScore: 4,
      csatComment: `Thanks, ${person.firstName}`, customerId: customer.id,
      orders: { create: { shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${orderId}`, orderName: `#${number}` } },
      messages: {
        create: [
          { shopId: shop.id, direction: "inbound", authorType: "customer", authorName: `${person.firstName} ${person.lastName}`, bodyText: `Hi, I'm ${person.firstName} ${person.lastName}, email ${person.email}, phone ${person.phone}, 12 Quayside Lane`, channel: "email" },
          { shopId: shop.id, direction: "outbound", authorType: "agent", authorName: "Agent Amy", bodyText: `Hello ${person.firstName}, refund done.`, channel: "email" },
        ],
      },
      events: { create: { shopId: shop.id, type: "note", actorType: "system", data: { mentioned: person.email, who: `${person.firstName} ${person.lastName}` } } },
    },
  });
  await refreshSearchDocument(prisma, shop.id, ticket.id);
  await prisma.contactSubmission.create({ data: { shopId: shop.id, clientKey: "k", email: person.email, contentHash: `h-${person.id}`, ticketId: ticket.id, payload: { name: `${person.firstName} ${person.lastName}`, email: person.email } } });
  await prisma.surveyResponse.create({ data: { shopId: shop.id, ticketId: ticket.id, customerId: customer.id, kind: "csat", token: `t-${person.id}`, score: 4, comment: `${person.firstName} liked it` } });
  await prisma.adminCacheEntry.create({ data: { shopId: shop.id, key: `panel:v1|c:${person.id}|o:,`, value: { displayName: `${person.firstName} ${person.lastName}`, email: person.email }, expiresAt: new Date(Date.now() + 60_000) } });
  // An order webhook for them: payload (names, email, address) and snapshot stored.
  await deliver(shop.domain, "orders/updated", orderPayload({ id: orderId, name: `#${number}`, customer: person, updatedAt: "2026-11-20T10:00:00Z" }));
  await drainJobs(shop);
  return { customer, ticket };
}

describe("customers/redact", () => {
  it("erases the customer's identifiers from every text column of every table and keeps the aggregates", async () => {
    // GIVEN a customer with tickets, messages, events, search text, a contact form, a survey, a cached panel and order webhooks
    const shop = await createShop(prisma, { domain: uniqueShopDomain("redact") });
    const person = distinctivePerson("redact");
    const other = distinctivePerson("keep");
    const { ticket } = await customerWithHistory(shop, person, 4101);
    const { ticket: otherTicket } = await customerWithHistory(shop, other, 4102);
    await deliver(shop.domain, "customers/data_request", { shop_id: 1, shop_domain: shop.domain, customer: { id: person.id, email: person.email, phone: person.phone }, orders_requested: [], data_request: { id: 77 } });
    await drainJobs(shop);
    const needles = [person.email, person.phone, person.firstName, person.lastName, `${person.firstName} ${person.lastName}`];
    expect((await findText(prisma, needles)).length).toBeGreaterThan(5);
    const before = { tickets: await prisma.ticket.count({ where: { shopId: shop.id } }), messages: await prisma.message.count({ where: { shopId: shop.id } }) };

    // WHEN Shopify sends customers/redact (signed) and the job runs
    const result = await deliver(shop.domain, "customers/redact", { shop_id: 1, shop_domain: shop.domain, customer: { id: person.id, email: person.email, phone: person.phone }, orders_to_redact: [] });
    expect(result.status).toBe(200);
    await drainJobs(shop);

    // THEN no text column of any table contains any of their identifiers
    expect(await scannedColumnCount(prisma)).toBeGreaterThan(100);
    expect(await findText(prisma, needles)).toEqual([]);
    // … nor does the inbox search find them
    expect(await searchTicketIds(prisma, databaseProvider(env.DATABASE_URL), shop.id, person.email, 10)).toEqual([]);
    // AND the aggregates stay: tickets, messages, statuses, CSAT scores
    expect({ tickets: await prisma.ticket.count({ where: { shopId: shop.id } }), messages: await prisma.message.count({ where: { shopId: shop.id } }) }).toEqual(before);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "resolved", csatScore: 4, subject: REDACTION_MARKER });
    expect((await prisma.message.findFirstOrThrow({ where: { ticketId: ticket.id, direction: "inbound" } })).bodyText).toBe(REDACTION_MARKER);
    expect(await prisma.customer.findFirstOrThrow({ where: { shopId: shop.id, redactedAt: { not: null } } })).toMatchObject({ email: null, phone: null, displayName: REDACTION_MARKER });
    // AND the other customer's data is untouched
    expect((await findText(prisma, [other.email, other.phone])).length).toBeGreaterThan(0);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: otherTicket.id } })).subject).toContain(other.lastName);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId: result.webhookId } })).toMatchObject({ status: "processed" });
  });
});
