// Sends one automated message when its job runs: the rule must still be on, the order must still call
// for it (re-read from the snapshot), the customer must have no open or escalated ticket, and quiet
// hours plus the per-customer cap (app/domain/quiet-hours.ts, shared with auto-acknowledgements) must
// allow it. The message is stored on a resolved ticket in the customer's history, recorded as an
// AutomatedSend (unique per eventKey: once, ever) and handed to the channel adapter.
import type { Customer, PrismaClient, Shop } from "@prisma/client";
import { automatedSendTime, DEFAULT_QUIET_HOURS, quietHoursSettingsSchema, type QuietHoursSettings } from "../../domain/quiet-hours";
import { buildTemplateContext, type OrderInput } from "../../domain/templates/context";
import { renderTemplate } from "../../domain/templates/engine";
import { chooseVariant } from "../../domain/templates/language";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { runOnce, type TransactionClient } from "../../jobs/run-once.server";
import type { JobQueue } from "../../jobs/types";
import { invalidateInboxCounts } from "../../models/inbox-counts-cache.server";
import { refreshSearchDocument } from "../../models/ticket-search.server";
import { channelAdapterFor, type ChannelAdapter } from "../channels/channel-adapter";
import { isDelivered, type OrderState } from "../order-events/order-state";
import { readSnapshot } from "../order-events/snapshots.server";
import { DEFAULT_TEXTS, type AutomatedMessageKind } from "./kinds";
import { loadAutomatedMessageRules } from "./rules.server";

export interface AutomatedMessageRequest {
  shopId: string;
  kind: AutomatedMessageKind;
  orderId: string;
  eventKey: string;
  eventId: string | null;
  fulfillmentId: string | null;
  refundId: string | null;
}

export type AutomatedMessageOutcome =
  | { kind: "sent"; messageId: string; ticketId: string }
  | { kind: "already_done" }
  | { kind: "skipped"; reason: string }
  | { kind: "deferred"; until: Date };

export interface SendDeps {
  db: PrismaClient;
  now: Date;
  queue: JobQueue | null;
  adapterFor?: (channel: string) => ChannelAdapter;
}

const HOUR_MS = 3_600_000;
const AUTOMATED_CHANNEL = "email";

export function quietHoursOf(settings: unknown): QuietHoursSettings {
  const raw = (settings as { quietHours?: unknown } | null)?.quietHours;
  const parsed = quietHoursSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_QUIET_HOURS;
}

/** Why the order no longer calls for this message, or null when it still does. */
export function staleReason(request: AutomatedMessageRequest, state: OrderState | null, now: Date): string | null {
  if (!state) return "order_unknown";
  if (state.cancelledAt && request.kind !== "refund_confirmation") return "order_cancelled";
  const fulfillment = request.fulfillmentId ? state.fulfillments[request.fulfillmentId] : undefined;
  switch (request.kind) {
    case "shipping_confirmation":
      return fulfillment?.status === "success" ? null : "fulfillment_gone";
    case "delivery_followup":
      if (!isDelivered(state)) return "not_delivered";
      return state.financialStatus === "refunded" ? "order_refunded" : null;
    case "delay_notice": {
      if (!fulfillment || fulfillment.status !== "success") return "fulfillment_gone";
      if (fulfillment.shipmentStatus === "delivered" || isDelivered(state)) return "delivered";
      if (!fulfillment.estimatedDeliveryAt || Date.parse(fulfillment.estimatedDeliveryAt) > now.getTime()) return "not_late";
      return null;
    }
    case "refund_confirmation":
      return request.refundId && state.refunds[request.refundId] ? null : "refund_unknown";
  }
}

async function findOrCreateCustomer(db: PrismaClient, shopId: string, state: OrderState): Promise<Customer | null> {
  const or = [
    ...(state.customerId ? [{ shopifyCustomerId: state.customerId }] : []),
    ...(state.email ? [{ email: state.email }] : []),
  ];
  if (or.length === 0) return null;
  const existing = await db.customer.findFirst({ where: { shopId, OR: or }, orderBy: { createdAt: "asc" } });
  if (existing) return existing;
  try {
    return await db.customer.create({ data: { shopId, shopifyCustomerId: state.customerId, email: state.email } });
  } catch {
    return db.customer.findFirst({ where: { shopId, OR: or } });
  }
}

async function recordSkip(db: PrismaClient, request: AutomatedMessageRequest, customerId: string | null, reason: string, now: Date): Promise<AutomatedMessageOutcome> {
  await runOnce(db, (tx) =>
    tx.automatedSend.create({ data: { shopId: request.shopId, customerId, kind: request.kind, eventKey: request.eventKey, status: "skipped", reason, createdAt: now } }),
  );
  return { kind: "skipped", reason };
}

function orderInput(state: OrderState, request: AutomatedMessageRequest): OrderInput {
  const fulfillment = request.fulfillmentId ? state.fulfillments[request.fulfillmentId] : Object.values(state.fulfillments)[0];
  return {
    name: state.name,
    createdAt: state.createdAt ?? state.updatedAt,
    financialStatus: state.financialStatus,
    fulfillmentStatus: state.fulfillmentStatus,
    total: state.totalPrice && state.currency ? { amount: state.totalPrice, currencyCode: state.currency } : null,
    trackingNumber: fulfillment?.trackingNumber ?? null,
    trackingUrl: fulfillment?.trackingUrl ?? null,
    carrier: fulfillment?.carrier ?? null,
    estimatedDelivery: fulfillment?.estimatedDeliveryAt ?? null,
    deliveredAt: fulfillment?.deliveredAt ?? null,
  };
}

async function templateVariants(db: PrismaClient, shopId: string, kind: AutomatedMessageKind, templateId: string | null) {
  if (templateId) {
    const row = await db.template.findFirst({ where: { id: templateId, shopId, status: "active" }, include: { variants: true } });
    if (row && row.variants.length > 0) {
      return { templateId: row.id, variants: Object.fromEntries(row.variants.map((v) => [v.language, { subject: v.subject, body: v.body }])) };
    }
  }
  return { templateId: null, variants: DEFAULT_TEXTS[kind] as Record<string, { subject: string | null; body: string }> };
}

function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

export async function sendAutomatedMessage(deps: SendDeps, request: AutomatedMessageRequest): Promise<AutomatedMessageOutcome> {
  const { db, now } = deps;
  const done = await db.automatedSend.findUnique({ where: { shopId_eventKey: { shopId: request.shopId, eventKey: request.eventKey } }, select: { messageId: true } });
  if (done) {
    // The worker was lost between recording and delivering: deliver the stored message now.
    if (done.messageId) await deliverIfQueued(db, done.messageId, deps, now);
    return { kind: "already_done" };
  }
  const shop = await db.shop.findUnique({ where: { id: request.shopId } });
  if (!shop || shop.installState !== "installed") return { kind: "skipped", reason: "shop_uninstalled" };
  const rule = (await loadAutomatedMessageRules(db, shop.id)).get(request.kind);
  if (!rule?.enabled) return recordSkip(db, request, null, "rule_off", now);

  const snapshot = await readSnapshot(db, shop.id, request.orderId);
  const state = snapshot?.state ?? null;
  const stale = staleReason(request, state, now);
  // Not late (yet): a later estimate has its own check, which may still send this notice.
  if (stale === "not_late") return { kind: "skipped", reason: stale };
  if (stale || !state) return recordSkip(db, request, null, stale ?? "order_unknown", now);
  const customer = await findOrCreateCustomer(db, shop.id, state);
  if (!customer || (!customer.email && !customer.phone)) return recordSkip(db, request, customer?.id ?? null, "no_contact", now);
  if (customer.redactedAt) return recordSkip(db, request, customer.id, "customer_redacted", now);

  const busy = await db.ticket.findFirst({
    where: { shopId: shop.id, customerId: customer.id, mergedIntoId: null, OR: [{ status: { in: [...ACTIVE_STATUSES] } }, { escalatedAt: { not: null }, status: { notIn: ["resolved", "closed"] } }] },
    select: { id: true },
  });
  if (busy) return recordSkip(db, request, customer.id, "customer_has_open_ticket", now);

  const quietHours = quietHoursOf(shop.settings);
  const previous = await db.automatedSend.findMany({
    where: { shopId: shop.id, customerId: customer.id, status: "sent", createdAt: { gt: new Date(now.getTime() - quietHours.windowHours * HOUR_MS), lte: now } },
    select: { createdAt: true },
  });
  const decision = automatedSendTime({ now, customerTimezone: customer.timezone, shopTimezone: shop.ianaTimezone, settings: quietHours, previousSends: previous.map((send) => send.createdAt) });
  if (decision.kind === "skip") return recordSkip(db, request, customer.id, `quiet_hours:${decision.reason}`, now);
  if (decision.kind === "later") return { kind: "deferred", until: decision.at };

  const rendered = await render(db, shop, customer, state, request, rule.templateId, decision.timezone);
  if ("error" in rendered) return recordSkip(db, request, customer.id, rendered.error, now);
  return store(deps, shop, customer, request, rendered);
}

interface RenderedMessage {
  templateId: string | null;
  subject: string;
  body: string;
}

async function render(db: PrismaClient, shop: Shop, customer: Customer, state: OrderState, request: AutomatedMessageRequest, templateId: string | null, timezone: string): Promise<RenderedMessage | { error: string }> {
  const template = await templateVariants(db, shop.id, request.kind, templateId);
  const chosen = chooseVariant(template.variants, customer.language, shop.locale);
  if (!chosen) return { error: "no_template" };
  const refund = request.refundId ? state.refunds[request.refundId] : undefined;
  const context = buildTemplateContext({
    customer: { firstName: customer.firstName ?? customer.displayName, lastName: customer.lastName, email: customer.email, language: customer.language },
    order: orderInput(state, request),
    shop: { name: shop.name, email: shop.email, domain: shop.domain, currencyCode: shop.currencyCode },
  });
  const options = { channel: AUTOMATED_CHANNEL, locale: chosen.language, timezone, promptValues: refund ? { refund_amount: formatMoney(refund.amount, refund.currency, chosen.language) } : {} };
  const body = renderTemplate(chosen.variant.body, context, options);
  if (!body.ok) return { error: `template_error:${body.error.message.slice(0, 200)}` };
  // An automated message never goes out with a hole in it: there is no agent to fill it in.
  if (!body.canSend) return { error: "template_incomplete" };
  const subject = chosen.variant.subject ? renderTemplate(chosen.variant.subject, context, options) : null;
  return { templateId: template.templateId, subject: subject?.ok ? subject.text : state.name, body: body.text };
}

async function store(deps: SendDeps, shop: Shop, customer: Customer, request: AutomatedMessageRequest, rendered: RenderedMessage): Promise<AutomatedMessageOutcome> {
  const { db, now } = deps;
  // Ticket, message and the AutomatedSend in one transaction: a second run's insert of the same
  // eventKey fails and rolls its ticket back (runOnce), so the customer's history holds one.
  const result = await runOnce(db, async (tx) => {
    const number = await allocateTicketNumber(tx, shop.id);
    const ticket = await tx.ticket.create({
      data: {
        shopId: shop.id, number, subject: rendered.subject, status: "resolved", category: "order_status",
        channel: AUTOMATED_CHANNEL, customerId: customer.id, snippet: rendered.body.slice(0, 140), resolvedAt: now, unread: false,
        lastActivityAt: now, lastAgentMessageAt: now, createdAt: now,
      },
    });
    const message = await tx.message.create({
      data: {
        shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "automation", authorName: shop.name,
        bodyText: rendered.body, channel: AUTOMATED_CHANNEL, templateId: rendered.templateId, isAutomated: true, deliveryStatus: "queued", createdAt: now,
      },
    });
    await tx.automatedSend.create({
      data: { shopId: shop.id, customerId: customer.id, ticketId: ticket.id, kind: request.kind, eventKey: request.eventKey, templateId: rendered.templateId, messageId: message.id, status: "sent", reason: request.eventId ? `event:${request.eventId}` : null, createdAt: now },
    });
    await tx.ticketEvent.create({
      data: { shopId: shop.id, ticketId: ticket.id, type: "automation", actorType: "automation", data: { automatedMessage: request.kind, orderId: request.orderId, eventKey: request.eventKey, eventId: request.eventId }, createdAt: now },
    });
    return { ticketId: ticket.id, messageId: message.id };
  });
  if (!result.applied) return { kind: "already_done" };
  await deliverIfQueued(db, result.value.messageId, deps, now);
  await refreshSearchDocument(db, shop.id, result.value.ticketId);
  invalidateInboxCounts(shop.id);
  return { kind: "sent", ...result.value };
}

/**
 * The shop's next ticket number. A number already taken (tickets imported or numbered elsewhere) moves
 * the counter past the highest one: a collision must not pass for "already sent" in runOnce.
 */
async function allocateTicketNumber(tx: TransactionClient, shopId: string): Promise<number> {
  const counter = await tx.shop.update({ where: { id: shopId }, data: { nextTicketNumber: { increment: 1 } }, select: { nextTicketNumber: true } });
  const number = counter.nextTicketNumber - 1;
  if (!(await tx.ticket.findUnique({ where: { shopId_number: { shopId, number } }, select: { id: true } }))) return number;
  const highest = (await tx.ticket.aggregate({ where: { shopId }, _max: { number: true } }))._max.number ?? 0;
  await tx.shop.update({ where: { id: shopId }, data: { nextTicketNumber: highest + 2 } });
  return highest + 1;
}

/** Hands a stored, still queued automated message to its channel adapter (idempotent per message). */
export async function deliverIfQueued(db: PrismaClient, messageId: string, deps: Pick<SendDeps, "adapterFor">, now: Date): Promise<void> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    include: { ticket: { select: { id: true, subject: true, customer: { select: { displayName: true, firstName: true, email: true, phone: true } } } } },
  });
  if (!message || message.deliveryStatus !== "queued") return;
  const adapter = (deps.adapterFor ?? channelAdapterFor)(message.channel);
  const customer = message.ticket.customer;
  try {
    const result = await adapter.send({
      shopId: message.shopId, ticketId: message.ticketId, messageId: message.id, channel: message.channel,
      to: { name: customer?.displayName ?? customer?.firstName ?? null, email: customer?.email ?? null, phone: customer?.phone ?? null },
      subject: message.ticket.subject, bodyText: message.bodyText, inReplyTo: null,
    });
    await db.message.update({ where: { id: message.id }, data: { deliveryStatus: result.status, channelMessageId: result.channelMessageId, sentAt: result.status === "sent" ? now : null } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: reason.slice(0, 500) } });
  }
}
