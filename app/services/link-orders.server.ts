import { toOrderSummary } from "./panel/build-view";
import { parseShopSettings } from "../domain/shop-settings";
// Links a ticket to its Shopify customer and orders: automatically (order names in the messages, else
// the customer's latest order) and by hand (search, link, unlink). Links are TicketOrder rows.
import type { Customer, PrismaClient, Shop } from "@prisma/client";
import { findOrderMentions, orderNumberOf, type OrderMention } from "../domain/order-mentions";
import type { AdminClient } from "../shopify/admin-client.server";
import { LINK_MENTION_LOOKUPS, OrderLinkCandidatesQuery, PanelOrderSearchQuery, type OrderLinkCandidatesResult } from "../shopify/queries/customer-panel.server";
import { OrdersByIdsQuery, isOrderSummary, orderNameQuery, pickOrderByName } from "../shopify/queries/orders.server";
import type { CustomerIdentifierInput } from "../types/admin.types";
import { refreshSearchDocument } from "../models/ticket-search.server";
import { numericId } from "./panel/build-view";
import type { PanelOrderSummary } from "./panel/types";
import { sqlReaderFor } from "../db/sql-reader.server";
import { SqlParams } from "../models/inbox-sql.server";

/** Without a mention, the customer's latest order is linked when it is this recent. */
export const RECENT_ORDER_WINDOW_MS = 60 * 86_400_000;
const AUTOLINK_MARKER = (ticketId: string) => `autolink:${ticketId}`;
const MARKER_LIFETIME_MS = 365 * 86_400_000;

export interface LinkedOrderRef {
  shopifyOrderId: string;
  orderName: string;
  linkedBy: string;
  reason?: "mentioned" | "recent_order" | "manual";
}

/** customerByIdentifier input: the known Shopify id, else the e-mail, else an E.164 phone number. */
export function customerIdentifier(customer: Pick<Customer, "shopifyCustomerId" | "email" | "phone"> | null): CustomerIdentifierInput | null {
  if (!customer) return null;
  if (customer.shopifyCustomerId) return { id: customer.shopifyCustomerId };
  if (customer.email?.trim()) return { emailAddress: customer.email.trim() };
  const phone = customer.phone?.replace(/[^\d+]/g, "");
  if (phone && /^\+\d{7,15}$/.test(phone)) return { phoneNumber: phone };
  return null;
}

/** A placeholder for the required `$identifier` when the customer part is skipped (`@include(if: false)`). */
export const NO_CUSTOMER_IDENTIFIER: CustomerIdentifierInput = { id: "gid://shopify/Customer/0" };

function firstOrderNumber(settings: unknown): number {
  return parseShopSettings(settings).firstOrderNumber;
}

/** True when messages arrived since the last automatic linking pass (or there was none). */
export async function needsAutoLink(db: PrismaClient, shopId: string, ticketId: string): Promise<boolean> {
  // Every ticket page load asks: the marker and the latest customer message in one statement on the
  // direct reader (decision 018).
  const reader = sqlReaderFor(db);
  const p = new SqlParams(reader.dialect);
  const [row] = await reader.rows<{ marker: unknown; latest: string | null }>(
    `SELECT (SELECT e.value FROM "AdminCacheEntry" e WHERE e."shopId" = ${p.add(shopId)} AND e.key = ${p.add(AUTOLINK_MARKER(ticketId))}) AS marker,
      (SELECT m.id FROM "Message" m WHERE m."shopId" = ${p.add(shopId)} AND m."ticketId" = ${p.add(ticketId)} AND m.direction = ${p.add("inbound")}
        ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1) AS latest`,
    p.values,
  );
  if (row?.marker === null || row?.marker === undefined) return true;
  const marker = (typeof row.marker === "string" ? JSON.parse(row.marker) : row.marker) as { messageId?: string | null } | null;
  return (marker?.messageId ?? null) !== (row.latest ?? null);
}

/** Creates the links that do not exist yet and records each on the timeline; returns the new ones. */
export async function recordLinks(db: PrismaClient, shopId: string, ticketId: string, links: readonly LinkedOrderRef[], actorAgentId: string | null = null): Promise<LinkedOrderRef[]> {
  const created: LinkedOrderRef[] = [];
  for (const link of links) {
    const existing = await db.ticketOrder.findFirst({ where: { shopId, ticketId, shopifyOrderId: link.shopifyOrderId } });
    if (existing) continue;
    await db.$transaction([
      db.ticketOrder.create({ data: { shopId, ticketId, shopifyOrderId: link.shopifyOrderId, orderName: link.orderName, linkedBy: link.linkedBy } }),
      db.ticketEvent.create({
        data: {
          shopId,
          ticketId,
          type: "order_linked",
          actorType: actorAgentId ? "agent" : "system",
          actorAgentId,
          data: { orderId: link.shopifyOrderId, orderName: link.orderName, linkedBy: link.linkedBy, reason: link.reason ?? null },
        },
      }),
    ]);
    created.push(link);
  }
  if (created.length > 0) await refreshSearchDocument(db, shopId, ticketId);
  return created;
}

function mentionVariables(mentions: readonly OrderMention[]) {
  const lookups = mentions.slice(0, LINK_MENTION_LOOKUPS);
  const variable = (index: number) => lookups[index] ? orderNameQuery(lookups[index]!.name) : "";
  return {
    mention0: variable(0), withMention0: lookups.length > 0,
    mention1: variable(1), withMention1: lookups.length > 1,
    mention2: variable(2), withMention2: lookups.length > 2,
  };
}

async function rememberCustomer(db: PrismaClient, customer: Customer, remote: NonNullable<OrderLinkCandidatesResult["customer"]>, now: Date) {
  const taken = customer.shopifyCustomerId === remote.id
    ? null
    : await db.customer.findFirst({ where: { shopId: customer.shopId, shopifyCustomerId: remote.id }, select: { id: true } });
  const ordersCount = Number.parseInt(String(remote.numberOfOrders), 10);
  await db.customer.update({
    where: { id: customer.id },
    data: {
      ...(taken ? {} : { shopifyCustomerId: remote.id }),
      ...(customer.language ? {} : remote.locale ? { language: remote.locale } : {}),
      lifetimeSpent: String(remote.amountSpent.amount),
      lifetimeCurrency: remote.amountSpent.currencyCode,
      ordersCount: Number.isFinite(ordersCount) ? ordersCount : null,
      statsRefreshedAt: now,
    },
  });
}

export interface AutoLinkResult {
  linked: LinkedOrderRef[];
  customerId: string | null;
}

/**
 * One linking pass (one Admin request): find the Shopify customer by id, e-mail or phone; link orders
 * named in the customer's messages (explicit mentions by lookup, bare numbers only when they are this
 * customer's orders and inside the shop's order range); else the latest order if recent. Orders an
 * agent unlinked are never re-linked automatically.
 */
export async function autoLinkOrders({ db, admin, shop, ticketId, now = new Date() }: { db: PrismaClient; admin: AdminClient; shop: Shop; ticketId: string; now?: Date }): Promise<AutoLinkResult> {
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, shopId: shop.id },
    include: {
      customer: true,
      orders: { select: { shopifyOrderId: true, orderName: true } },
      messages: { where: { direction: "inbound" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, bodyText: true } },
      events: { where: { type: "order_unlinked" }, select: { data: true } },
    },
  });
  if (!ticket) return { linked: [], customerId: null };
  const linkedIds = new Set(ticket.orders.map((order) => order.shopifyOrderId));
  const unlinkedIds = new Set(ticket.events.map((event) => (event.data as { orderId?: string } | null)?.orderId).filter(Boolean));
  const text = [ticket.subject, ...ticket.messages.map((message) => message.bodyText)].join("\n");
  const linkedNames = new Set(ticket.orders.map((order) => order.orderName.toLowerCase()));
  // Lookups are spent on explicit mentions that are not linked yet.
  const explicit = findOrderMentions(text).filter((mention) => mention.explicit && !linkedNames.has(mention.name.toLowerCase()));
  const identifier = customerIdentifier(ticket.customer);

  const { data } = await admin.request(OrderLinkCandidatesQuery, {
    identifier: identifier ?? NO_CUSTOMER_IDENTIFIER,
    withCustomer: identifier !== null,
    ...mentionVariables(explicit),
  });

  const remote = data.customer ?? null;
  if (remote && ticket.customer) await rememberCustomer(db, ticket.customer, remote, now);

  const recentByName = new Map((remote?.orders.nodes ?? []).map((order) => [order.name.toLowerCase(), order]));
  const lookups = [data.mention0, data.mention1, data.mention2];
  const resolved = new Map<string, { id: string; name: string }>();
  explicit.slice(0, LINK_MENTION_LOOKUPS).forEach((mention, index) => {
    const match = pickOrderByName(lookups[index]?.nodes ?? [], mention.name);
    if (match) resolved.set(mention.name.toLowerCase(), match);
  });

  const latestNumber = orderNumberOf(data.latestOrders.nodes[0]?.name ?? "");
  const range = latestNumber ? { min: firstOrderNumber(shop.settings), max: latestNumber } : null;
  const candidates: LinkedOrderRef[] = [];
  for (const mention of findOrderMentions(text, { range })) {
    const order = recentByName.get(mention.name.toLowerCase()) ?? (mention.explicit ? resolved.get(mention.name.toLowerCase()) : undefined);
    if (order) candidates.push({ shopifyOrderId: order.id, orderName: order.name, linkedBy: "auto", reason: "mentioned" });
  }
  const latest = remote?.orders.nodes[0];
  if (candidates.length === 0 && linkedIds.size === 0 && latest && now.getTime() - Date.parse(String(latest.createdAt)) <= RECENT_ORDER_WINDOW_MS) {
    candidates.push({ shopifyOrderId: latest.id, orderName: latest.name, linkedBy: "auto", reason: "recent_order" });
  }
  const fresh = candidates.filter((link, index) => !linkedIds.has(link.shopifyOrderId) && !unlinkedIds.has(link.shopifyOrderId) && candidates.findIndex((other) => other.shopifyOrderId === link.shopifyOrderId) === index);
  const linked = await recordLinks(db, shop.id, ticketId, fresh);

  const messageId = ticket.messages.at(-1)?.id ?? null;
  const key = AUTOLINK_MARKER(ticketId);
  const value = { messageId, scannedAt: now.toISOString() };
  const expiresAt = new Date(now.getTime() + MARKER_LIFETIME_MS);
  await db.adminCacheEntry.upsert({ where: { shopId_key: { shopId: shop.id, key } }, create: { shopId: shop.id, key, value, expiresAt }, update: { value, expiresAt } });
  return { linked, customerId: remote?.id ?? null };
}

export class OrderLinkError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = "OrderLinkError";
  }
}

/** Links an order an agent picked; the order is confirmed with Shopify first (this shop's Admin API). */
export async function linkOrderManually({ db, admin, shopId, ticketId, orderId, agentId }: { db: PrismaClient; admin: AdminClient; shopId: string; ticketId: string; orderId: string; agentId: string | null }): Promise<LinkedOrderRef> {
  if (!/^gid:\/\/shopify\/Order\/\d+$/.test(orderId)) throw new OrderLinkError("orderId", "Not a Shopify order id");
  const { data } = await admin.request(OrdersByIdsQuery, { ids: [orderId] });
  const order = data.nodes.find(isOrderSummary);
  if (!order) throw new OrderLinkError("orderId", "Shopify does not know this order");
  const link: LinkedOrderRef = { shopifyOrderId: order.id, orderName: order.name, linkedBy: "manual", reason: "manual" };
  await recordLinks(db, shopId, ticketId, [link], agentId);
  return link;
}

export async function unlinkOrder({ db, shopId, ticketId, orderId, agentId }: { db: PrismaClient; shopId: string; ticketId: string; orderId: string; agentId: string | null }): Promise<{ orderName: string }> {
  const existing = await db.ticketOrder.findFirst({ where: { shopId, ticketId, shopifyOrderId: orderId } });
  if (!existing) throw new OrderLinkError("orderId", "This order is not linked to the ticket");
  await db.$transaction([
    db.ticketOrder.deleteMany({ where: { shopId, ticketId, shopifyOrderId: orderId } }),
    db.ticketEvent.create({
      data: { shopId, ticketId, type: "order_unlinked", actorType: agentId ? "agent" : "system", actorAgentId: agentId, data: { orderId, orderName: existing.orderName } },
    }),
  ]);
  await refreshSearchDocument(db, shopId, ticketId);
  return { orderName: existing.orderName };
}

/**
 * Orders to link by hand: by name ("1001", "#1001"), the customer's orders when the search is empty,
 * or any other Shopify order search text.
 */
export async function searchOrdersForLinking({ admin, query, customerId, linkedIds }: { admin: AdminClient; query: string; customerId: string | null; linkedIds: ReadonlySet<string> }): Promise<PanelOrderSummary[]> {
  const trimmed = query.trim();
  let search: string;
  if (/^#?\d+$/.test(trimmed)) search = orderNameQuery(trimmed);
  else if (trimmed) search = trimmed.replace(/["\\]/g, "");
  else if (customerId) search = `customer_id:${numericId(customerId)}`;
  else return [];
  const { data } = await admin.request(PanelOrderSearchQuery, { query: search });
  const nodes = /^#?\d+$/.test(trimmed) ? data.orders.nodes.filter((node) => pickOrderByName([node], trimmed)) : data.orders.nodes;
  return nodes.map((order) => toOrderSummary(order, linkedIds));
}
