// The real data a reply template is rendered with, for one ticket: the customer (our row merged with
// Shopify's), the chosen linked order with its tracking, the agent, the shop with its support hours.
// Shopify data comes from the customer panel's cache (the ticket page has just filled it); only when
// there is no copy at all is the panel loaded, which asks the Admin API under its 2 s deadline.
import type { Agent, PrismaClient, Shop } from "@prisma/client";
import { isOpenAt, nextOpenAt, scheduleForChannel, type BusinessSchedule, type HolidayRule, type WeeklyInterval } from "../../domain/business-hours";
import type { OrderInput, TemplateContextInput } from "../../domain/templates/context";
import { describeSupportHours } from "../../domain/templates/support-hours";
import type { AdminClient } from "../../shopify/admin-client.server";
import type { CustomerPanelResult, PanelCustomerNode, PanelOrderNode } from "../../shopify/queries/customer-panel.server";
import { PANEL_MAX_DETAILED_ORDERS } from "../../shopify/queries/customer-panel.server";
import { loadCustomerPanel } from "../customer-panel.server";
import { isOrderNode } from "../panel/build-view";
import { readStalePanel, type PanelCacheKeyParts } from "../panel/cache.server";
import { guessTimeZone, isValidTimeZone } from "../panel/local-time";

export interface ReplyOrderChoice {
  id: string;
  name: string;
}

export interface ReplyContext {
  /** Everything but `shop.supportHours`, which depends on the variant's language (see withSupportHours). */
  input: TemplateContextInput;
  customerLanguage: string | null;
  timezone: string;
  channel: string;
  /** Linked orders, most recently linked first; the agent picks one when there are several. */
  orders: ReplyOrderChoice[];
  orderId: string | null;
  /** The chosen order is linked but Shopify's details are not available (deleted or never fetched). */
  orderDetailsMissing: boolean;
  supportSchedule: { intervals: WeeklyInterval[]; timezone: string } | null;
}

export interface LoadReplyContextInput {
  db: PrismaClient;
  shop: Shop;
  agent: Pick<Agent, "name"> | null;
  ticketId: string;
  /** gid of a linked order; default: the most recently linked one. */
  orderId?: string | null;
  /** Used only when nothing is cached yet (the panel is loaded once). */
  admin?: AdminClient | null;
  now?: Date;
}

function toOrderInput(order: PanelOrderNode): OrderInput {
  // The newest fulfilment carries the tracking the customer is waiting on.
  const fulfillments = [...order.fulfillments].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  const shipment = fulfillments.find((fulfillment) => fulfillment.trackingInfo.length > 0) ?? fulfillments[0];
  const tracking = shipment?.trackingInfo[0];
  const allDelivered = fulfillments.length > 0 && fulfillments.every((fulfillment) => fulfillment.deliveredAt);
  return {
    name: order.name,
    createdAt: String(order.createdAt),
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    total: { amount: String(order.totalPriceSet.shopMoney.amount), currencyCode: order.totalPriceSet.shopMoney.currencyCode },
    lineItems: order.lineItems.nodes.map((line) => ({ title: line.title, quantity: line.quantity, sku: line.sku ?? null })),
    trackingNumber: tracking?.number ?? null,
    trackingUrl: tracking?.url ? String(tracking.url) : null,
    carrier: tracking?.company ?? null,
    estimatedDelivery: shipment?.estimatedDeliveryAt ? String(shipment.estimatedDeliveryAt) : null,
    deliveredAt: allDelivered && shipment?.deliveredAt ? String(shipment.deliveredAt) : null,
    shippingCity: order.shippingAddress?.city ?? null,
    shippingCountry: order.shippingAddress?.country ?? null,
  };
}

function firstNameOf(name: string): string | null {
  return name.trim().split(/\s+/)[0] || null;
}

// One query with its relations: measured cheaper than three parallel queries on both databases.
async function loadTicket(db: PrismaClient, shopId: string, ticketId: string) {
  return db.ticket.findFirst({
    where: { id: ticketId, shopId },
    select: {
      id: true, number: true, subject: true, channel: true, language: true, createdAt: true,
      firstResponseDueAt: true, nextResponseDueAt: true, firstRespondedAt: true,
      customer: true,
      orders: { orderBy: { createdAt: "desc" }, select: { shopifyOrderId: true, orderName: true } },
    },
  });
}

// Support hours change rarely and only shape wording ("Mon–Fri 09:00–18:00"): a shop's schedules are
// kept in memory for 15 s, which saves two queries on every preview while an agent types.
const SCHEDULE_CACHE_MS = 15_000;
type ShopSchedules = Awaited<ReturnType<typeof readSchedules>>;
const scheduleCache = new Map<string, { at: number; value: Promise<ShopSchedules> }>();

async function readSchedules(db: PrismaClient, shopId: string) {
  const [schedules, holidays] = await Promise.all([
    db.businessSchedule.findMany({ where: { shopId }, select: { channel: true, timezone: true, intervals: true } }),
    db.holiday.findMany({ where: { shopId }, select: { date: true, name: true, intervals: true } }),
  ]);
  // Built once per cache entry: business-hours.ts caches its expanded days per schedule object.
  const byChannel = new Map<string, BusinessSchedule | null>();
  return { schedules, holidays, byChannel };
}

function cachedSchedules(db: PrismaClient, shopId: string, nowMs: number): Promise<ShopSchedules> {
  const hit = scheduleCache.get(shopId);
  if (hit && nowMs - hit.at < SCHEDULE_CACHE_MS) return hit.value;
  const value = readSchedules(db, shopId);
  value.catch(() => scheduleCache.delete(shopId));
  if (scheduleCache.size > 1_000) scheduleCache.clear();
  scheduleCache.set(shopId, { at: nowMs, value });
  return value;
}

async function loadSchedule(channel: string, loaded: Promise<ShopSchedules>) {
  const { schedules, holidays, byChannel } = await loaded;
  const known = byChannel.get(channel);
  if (known !== undefined) return known;
  const chosen = scheduleForChannel(schedules, channel);
  const schedule: BusinessSchedule | null = chosen && Array.isArray(chosen.intervals)
    ? {
        timezone: chosen.timezone,
        intervals: chosen.intervals as unknown as WeeklyInterval[],
        holidays: holidays.map((holiday) => ({ date: holiday.date, name: holiday.name, intervals: (holiday.intervals ?? null) as HolidayRule["intervals"] })),
      }
    : null;
  byChannel.set(channel, schedule);
  return schedule;
}

/** Throws a 404 Response for a ticket of another shop (or none). */
export async function loadReplyContext({ db, shop, agent, ticketId, orderId, admin, now = new Date() }: LoadReplyContextInput): Promise<ReplyContext> {
  // Independent reads, started together (they overlap on PostgreSQL's connection pool).
  const schedulesPromise = cachedSchedules(db, shop.id, Date.now()); // the cache runs on the wall clock
  schedulesPromise.catch(() => undefined);
  const ticket = await loadTicket(db, shop.id, ticketId);
  if (!ticket) throw new Response("Ticket not found", { status: 404 });
  const customer = ticket.customer;
  const orders = ticket.orders.map((link) => ({ id: link.shopifyOrderId, name: link.orderName }));
  const chosen = orders.find((order) => order.id === orderId) ?? orders[0] ?? null;

  // The same key the panel caches under (customer + the most recently linked orders).
  const keyParts: PanelCacheKeyParts = {
    customerId: customer?.shopifyCustomerId, email: customer?.email, phone: customer?.phone,
    orderIds: [...ticket.orders].reverse().slice(-PANEL_MAX_DETAILED_ORDERS).map((link) => link.shopifyOrderId),
  };
  const schedulePromise = loadSchedule(ticket.channel, schedulesPromise);
  let cached = await readStalePanel<CustomerPanelResult>(db, shop.id, keyParts, now);
  if (!cached && admin) {
    await loadCustomerPanel({ db, admin, shop, ticketId, now });
    cached = await readStalePanel<CustomerPanelResult>(db, shop.id, keyParts, now);
  }
  const remoteCustomer: PanelCustomerNode | null = cached?.value.customer ?? null;
  const orderNode = chosen ? (cached?.value.linkedOrders ?? []).filter(isOrderNode).find((order) => order.id === chosen.id) ?? null : null;

  const address = remoteCustomer?.defaultAddress ?? null;
  const timezone = (isValidTimeZone(customer?.timezone) ? customer?.timezone : null)
    ?? guessTimeZone(address?.countryCodeV2, address?.provinceCode) ?? shop.ianaTimezone;
  const customerLanguage = remoteCustomer?.locale ?? customer?.language ?? ticket.language ?? null;
  const ordersCount = remoteCustomer ? Number.parseInt(String(remoteCustomer.numberOfOrders), 10) : customer?.ordersCount ?? null;
  const totalSpent = remoteCustomer
    ? { amount: String(remoteCustomer.amountSpent.amount), currencyCode: remoteCustomer.amountSpent.currencyCode }
    : customer?.lifetimeSpent != null ? { amount: customer.lifetimeSpent.toString(), currencyCode: customer.lifetimeCurrency ?? shop.currencyCode } : null;

  const schedule = await schedulePromise;
  let nextOpenTime: Date | null = null;
  try {
    nextOpenTime = schedule && !isOpenAt(schedule, now) ? nextOpenAt(schedule, now) : null;
  } catch {
    nextOpenTime = null; // a malformed stored schedule must not break replies
  }
  // The promise already made by the SLA clock; before any, the next opening when closed.
  const expectedReplyTime = ticket.nextResponseDueAt ?? (ticket.firstRespondedAt ? null : ticket.firstResponseDueAt) ?? nextOpenTime;

  return {
    input: {
      customer: customer
        ? {
            firstName: customer.firstName, lastName: customer.lastName,
            email: remoteCustomer?.defaultEmailAddress?.emailAddress ?? customer.email,
            language: customerLanguage,
            ordersCount: Number.isFinite(ordersCount) ? ordersCount : null,
            totalSpent,
          }
        : null,
      order: orderNode ? toOrderInput(orderNode) : null,
      ticket: { number: ticket.number, subject: ticket.subject, channel: ticket.channel, createdAt: ticket.createdAt },
      agent: agent ? { firstName: firstNameOf(agent.name), name: agent.name } : null,
      shop: {
        name: shop.name, email: shop.email, domain: shop.domain,
        nextOpenTime, expectedReplyTime, currencyCode: shop.currencyCode,
      },
    },
    customerLanguage,
    timezone,
    channel: ticket.channel,
    orders,
    orderId: chosen?.id ?? null,
    orderDetailsMissing: chosen !== null && orderNode === null,
    supportSchedule: schedule ? { intervals: schedule.intervals, timezone: schedule.timezone } : null,
  };
}

/** Support hours in the language of the variant being rendered. */
export function withSupportHours(context: ReplyContext, locale: string): TemplateContextInput {
  const schedule = context.supportSchedule;
  const supportHours = schedule ? describeSupportHours(schedule.intervals, schedule.timezone, locale) : null;
  return { ...context.input, shop: { ...context.input.shop, supportHours } };
}
