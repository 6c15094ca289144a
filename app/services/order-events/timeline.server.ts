// Order facts on the timeline of every ticket linked to the order, once each (TicketEvent.dedupeKey),
// plus what a fact means for those tickets: the tracking template suggested to "where is my order"
// tickets when a fulfilment arrives, and (merchant setting) auto-resolve on delivery.
import type { PrismaClient } from "@prisma/client";
import { parseShopSettings } from "../../domain/shop-settings";
import { SEEDED_TEMPLATES } from "../../domain/templates/library";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { isUniqueViolation } from "../../jobs/run-once.server";
import { updateTickets } from "../ticket-updates.server";
import { HIDDEN_FACTS, type OrderState } from "./order-state";
import type { PendingFact } from "./snapshots.server";

export const TRACKING_TEMPLATE_KEY = "order_where_is_my_order";
const WISMO_CATEGORY = "order_status";

export function orderEventDedupeKey(orderId: string, factKey: string): string {
  return `order:${orderId}:${factKey}`;
}

/** Creates the event unless the ticket already has one with this key; true when created. */
async function createOnce(db: PrismaClient, data: { shopId: string; ticketId: string; type: string; actorType: string; data: object; dedupeKey: string; createdAt: Date }): Promise<boolean> {
  try {
    await db.ticketEvent.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function timelineData(state: OrderState, fact: PendingFact) {
  return {
    kind: fact.kind,
    orderId: state.orderId,
    orderName: state.name,
    ...(fact.fulfillmentId ? { fulfillmentId: fact.fulfillmentId, carrier: fact.carrier ?? null, trackingNumber: fact.trackingNumber ?? null, trackingUrl: fact.trackingUrl ?? null } : {}),
    ...(fact.estimatedDeliveryAt ? { estimatedDeliveryAt: fact.estimatedDeliveryAt } : {}),
    ...(fact.deliveredAt ? { deliveredAt: fact.deliveredAt } : {}),
    ...(fact.refundId ? { refundId: fact.refundId, amount: fact.amount, currency: fact.currency } : {}),
    eventId: fact.eventId,
  };
}

async function trackingTemplateId(db: PrismaClient, shopId: string): Promise<string | null> {
  const name = SEEDED_TEMPLATES.find((template) => template.key === TRACKING_TEMPLATE_KEY)?.name;
  if (!name) return null;
  const row = await db.template.findFirst({ where: { shopId, name, status: "active" }, select: { id: true } });
  return row?.id ?? null;
}

export interface TimelineOutcome {
  ticketIds: string[];
  eventsCreated: number;
  resolved: string[];
}

export async function recordOrderFactsOnTickets(db: PrismaClient, shop: { id: string; settings: unknown }, state: OrderState, facts: readonly PendingFact[], now: Date): Promise<TimelineOutcome> {
  const links = await db.ticketOrder.findMany({
    where: { shopId: shop.id, shopifyOrderId: state.orderId },
    select: { ticket: { select: { id: true, status: true, category: true, mergedIntoId: true } } },
  });
  const tickets = links.map((link) => link.ticket);
  const outcome: TimelineOutcome = { ticketIds: tickets.map((ticket) => ticket.id), eventsCreated: 0, resolved: [] };
  if (tickets.length === 0 || facts.length === 0) return outcome;
  const settings = parseShopSettings(shop.settings);
  let templateId: string | null | undefined;

  for (const ticket of tickets) {
    for (const fact of facts) {
      if (HIDDEN_FACTS.includes(fact.kind)) continue;
      const created = await createOnce(db, {
        shopId: shop.id, ticketId: ticket.id, type: "order_event", actorType: "shopify",
        data: timelineData(state, fact), dedupeKey: orderEventDedupeKey(state.orderId, fact.key), createdAt: now,
      });
      if (created) outcome.eventsCreated += 1;
      const active = (ACTIVE_STATUSES as readonly string[]).includes(ticket.status);
      const wismo = ticket.category === WISMO_CATEGORY && active && !ticket.mergedIntoId;
      if (wismo && fact.kind === "fulfilled") {
        templateId ??= await trackingTemplateId(db, shop.id);
        await createOnce(db, {
          shopId: shop.id, ticketId: ticket.id, type: "template_suggested", actorType: "automation",
          data: { templateKey: TRACKING_TEMPLATE_KEY, templateId, reason: "fulfillment", orderName: state.name, fulfillmentId: fact.fulfillmentId ?? null },
          dedupeKey: `suggest:${TRACKING_TEMPLATE_KEY}:${state.orderId}:${fact.fulfillmentId ?? ""}`, createdAt: now,
        });
      }
      if (wismo && fact.kind === "delivered" && settings.autoResolveOnDelivery === true && ticket.status !== "resolved") {
        const { updated } = await updateTickets(db, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, actorType: "automation", changes: { status: "resolved" }, now });
        if (updated > 0) {
          ticket.status = "resolved";
          outcome.resolved.push(ticket.id);
        }
      }
    }
  }
  return outcome;
}
