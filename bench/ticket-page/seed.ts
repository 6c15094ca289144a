// Seeds one shop for the ticket page benchmark through Prisma (both databases): customers taken from the
// fixture shop (so the Admin emulator knows them), tickets with 1–19 messages (about 10 on average),
// notes, timeline events, tags and a linked order each. Deterministic (seeded PRNG).
import type { Prisma, PrismaClient } from "@prisma/client";
import { mulberry32 as seededRandom, type FixtureShop } from "../../dev/fixtures";


const STATUSES = ["open", "open", "open", "pending", "snoozed", "resolved", "resolved", "closed"];
const PRIORITIES = ["urgent", "high", "normal", "normal", "normal", "low"];
const CUSTOMER_LINES = [
  "Hi, the tracking for my order has not moved for four days. Can you check?",
  "The item arrived damaged, the box was crushed. Photos attached.",
  "Can I still change the shipping address before it ships?",
  "I would like to return the jacket, it is too small.",
  "订单里的外套尺码偏小，请问怎么退货？",
];
const AGENT_LINES = [
  "Thanks for reaching out! The carrier shows it in transit; it should arrive within three business days.",
  "Sorry about that. I have started a replacement and emailed you a prepaid return label.",
  "Your refund has been issued; banks usually take 5 to 10 days to show it.",
];
const CHUNK = 500;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

export async function seedTicketPageShop(
  db: PrismaClient,
  options: { domain: string; tickets: number; sample: number; fixture: FixtureShop; now?: number },
): Promise<{ shopId: string; sampleTicketIds: string[] }> {
  const now = options.now ?? Date.now();
  const random = seededRandom(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const shop = await db.shop.create({ data: { domain: options.domain, name: "Bench ticket page", ianaTimezone: "Europe/Berlin", nextTicketNumber: 1001 + options.tickets } });
  const agents = await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      db.agent.create({ data: { shopId: shop.id, shopifyStaffId: index === 0 ? "12345" : String(2000 + index), name: index === 0 ? "Test User" : `Agent ${index}` } }),
    ),
  );
  const fixtureCustomers = options.fixture.customers.slice(0, 800);
  const ordersByCustomer = new Map<string, { id: string; name: string }[]>();
  for (const order of options.fixture.orders) {
    const list = ordersByCustomer.get(order.customerId) ?? [];
    list.push({ id: order.id, name: order.name });
    ordersByCustomer.set(order.customerId, list);
  }
  const customers = fixtureCustomers.map((customer, index) => ({
    id: `bc_${index}`,
    shopId: shop.id,
    shopifyCustomerId: customer.id,
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
  }));
  await inChunks(customers, (chunk) => db.customer.createMany({ data: chunk }));

  const tickets: Prisma.TicketCreateManyInput[] = [];
  const messages: { id: string; shopId: string; ticketId: string; direction: string; authorType: string; authorAgentId: string | null; authorName: string | null; bodyText: string; channel: string; deliveryStatus: string; createdAt: Date }[] = [];
  const events: { shopId: string; ticketId: string; type: string; actorType: string; actorAgentId: string | null; data: object; createdAt: Date }[] = [];
  const tags: { ticketId: string; shopId: string; tag: string }[] = [];
  const orders: { ticketId: string; shopId: string; shopifyOrderId: string; orderName: string; linkedBy: string }[] = [];
  const sampleTicketIds: string[] = [];
  for (let index = 0; index < options.tickets; index++) {
    const id = `bt_${index.toString(36).padStart(5, "0")}`;
    const customerIndex = Math.floor(random() * customers.length);
    const customer = customers[customerIndex]!;
    const status = pick(STATUSES);
    const createdAt = now - Math.floor(random() * 90 * 86_400_000);
    const messageCount = 1 + Math.floor(random() * 19);
    const assignee = random() < 0.7 ? pick(agents) : null;
    const slaDueAt = status === "open" || status === "pending" ? new Date(now + Math.floor((random() * 4 - 1) * 86_400_000)) : null;
    tickets.push({
      id, shopId: shop.id, number: 1001 + index, subject: `Question about my order (${index})`, status, priority: pick(PRIORITIES), channel: "email",
      customerId: customer.id, assigneeId: assignee?.id ?? null, slaDueAt, createdAt: new Date(createdAt), lastActivityAt: new Date(createdAt + messageCount * 3_600_000),
      snoozedUntil: status === "snoozed" ? new Date(now + 86_400_000) : null, snippet: pick(CUSTOMER_LINES),
    });
    for (let position = 0; position < messageCount; position++) {
      const direction = position === 0 || random() < 0.5 ? "inbound" : random() < 0.8 ? "outbound" : "note";
      const agent = direction === "inbound" ? null : (assignee ?? agents[0]!);
      messages.push({
        id: `${id}_m${position}`, shopId: shop.id, ticketId: id, direction, authorType: direction === "inbound" ? "customer" : "agent",
        authorAgentId: agent?.id ?? null, authorName: agent?.name ?? customer.displayName, bodyText: direction === "inbound" ? pick(CUSTOMER_LINES) : pick(AGENT_LINES),
        channel: "email", deliveryStatus: direction === "outbound" ? "sent" : "none", createdAt: new Date(createdAt + position * 3_600_000),
      });
    }
    events.push({ shopId: shop.id, ticketId: id, type: "created", actorType: "system", actorAgentId: null, data: { channel: "email" }, createdAt: new Date(createdAt) });
    if (assignee) events.push({ shopId: shop.id, ticketId: id, type: "assigned", actorType: "automation", actorAgentId: null, data: { from: null, to: assignee.id }, createdAt: new Date(createdAt + 60_000) });
    if (status !== "open") events.push({ shopId: shop.id, ticketId: id, type: "status_changed", actorType: "agent", actorAgentId: assignee?.id ?? null, data: { from: "open", to: status }, createdAt: new Date(createdAt + messageCount * 3_600_000) });
    if (random() < 0.4) tags.push({ ticketId: id, shopId: shop.id, tag: pick(["vip", "refund", "damaged", "late"]) });
    const order = ordersByCustomer.get(fixtureCustomers[customerIndex]!.id)?.[0];
    if (order) orders.push({ ticketId: id, shopId: shop.id, shopifyOrderId: order.id, orderName: order.name, linkedBy: "auto" });
    if (sampleTicketIds.length < options.sample && status === "open" && order && messageCount >= 8) sampleTicketIds.push(id);
  }
  await inChunks(tickets, (chunk) => db.ticket.createMany({ data: chunk }));
  await inChunks(messages, (chunk) => db.message.createMany({ data: chunk }));
  await inChunks(events, (chunk) => db.ticketEvent.createMany({ data: chunk }));
  await inChunks(tags, (chunk) => db.ticketTag.createMany({ data: chunk }));
  await inChunks(orders, (chunk) => db.ticketOrder.createMany({ data: chunk }));
  return { shopId: shop.id, sampleTicketIds };
}
