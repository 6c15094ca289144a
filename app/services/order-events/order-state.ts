// An order as Shopdesk last knew it, built from REST-shaped webhook payloads (orders/*, fulfillments/*,
// refunds/create, API 2026-10) or from the Admin API (reconciliation), merged so that an older event
// never overwrites newer state, and turned into "facts" (created, paid, fulfilled…) whose keys make
// every timeline entry happen once. Pure: no database, no clock.
import { z } from "zod";

export interface FulfillmentState {
  id: string;
  status: string; // success | cancelled | error | failure | pending | open
  shipmentStatus: string | null; // in_transit | out_for_delivery | delivered | …
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}

export interface RefundState {
  id: string;
  amount: string;
  currency: string;
  createdAt: string;
}

export interface OrderState {
  orderId: string; // gid://shopify/Order/…
  name: string;
  customerId: string | null; // gid://shopify/Customer/…
  email: string | null;
  createdAt: string | null;
  /** Order-level fields below are as of this time. */
  updatedAt: string;
  financialStatus: string | null; // pending | authorized | paid | partially_refunded | refunded | voided…
  fulfillmentStatus: string | null; // null | partial | fulfilled | restocked
  cancelledAt: string | null;
  totalPrice: string | null;
  currency: string | null;
  fulfillments: Record<string, FulfillmentState>;
  refunds: Record<string, RefundState>;
}

const id = z.union([z.number(), z.string()]).transform(String);
const nullableString = z.string().nullish().transform((value) => value ?? null);
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be a date-time");

const fulfillmentPayload = z.object({
  id,
  order_id: id.optional(),
  admin_graphql_api_id: z.string().optional(),
  status: z.string().nullish(),
  shipment_status: nullableString,
  tracking_company: nullableString,
  tracking_number: nullableString,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: nullableString,
  tracking_urls: z.array(z.string()).nullish(),
  estimated_delivery_at: nullableString,
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

const transactionPayload = z.object({
  amount: z.union([z.string(), z.number()]).transform(String),
  currency: z.string().nullish(),
  kind: z.string().nullish(),
  status: z.string().nullish(),
});

const refundPayload = z.object({
  id,
  order_id: id,
  created_at: timestamp.nullish(),
  processed_at: timestamp.nullish(),
  transactions: z.array(transactionPayload).nullish(),
});

const orderPayload = z.object({
  id,
  admin_graphql_api_id: z.string().optional(),
  name: z.string(),
  email: nullableString,
  created_at: timestamp.nullish(),
  updated_at: timestamp,
  cancelled_at: nullableString,
  financial_status: nullableString,
  fulfillment_status: nullableString,
  total_price: z.union([z.string(), z.number()]).nullish(),
  currency: nullableString,
  customer: z.object({ id, email: nullableString }).nullish(),
  fulfillments: z.array(fulfillmentPayload).nullish(),
  refunds: z.array(refundPayload.partial({ order_id: true })).nullish(),
});

export type OrderPayload = z.infer<typeof orderPayload>;
export type FulfillmentPayload = z.infer<typeof fulfillmentPayload>;
export type RefundPayload = z.infer<typeof refundPayload>;

export const orderGid = (value: string) => (value.startsWith("gid://") ? value : `gid://shopify/Order/${value}`);
export const customerGid = (value: string) => (value.startsWith("gid://") ? value : `gid://shopify/Customer/${value}`);
const fulfillmentKey = (value: string) => value.replace(/^gid:\/\/shopify\/Fulfillment\//, "");
const refundKey = (value: string) => value.replace(/^gid:\/\/shopify\/Refund\//, "");

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "payload"} ${issue.message}`).join("; ");
}

export class PayloadError extends Error {
  override name = "PayloadError";
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`${what} payload: ${problemsOf(parsed.error)}`);
  return parsed.data;
}

export function fulfillmentFromPayload(payload: FulfillmentPayload, fallbackUpdatedAt: string): FulfillmentState {
  const shipmentStatus = payload.shipment_status?.toLowerCase() ?? null;
  const updatedAt = payload.updated_at ?? payload.created_at ?? fallbackUpdatedAt;
  return {
    id: fulfillmentKey(payload.id),
    status: (payload.status ?? "success").toLowerCase(),
    shipmentStatus,
    carrier: payload.tracking_company,
    trackingNumber: payload.tracking_number ?? payload.tracking_numbers?.[0] ?? null,
    trackingUrl: payload.tracking_url ?? payload.tracking_urls?.[0] ?? null,
    estimatedDeliveryAt: payload.estimated_delivery_at,
    deliveredAt: shipmentStatus === "delivered" ? updatedAt : null,
    updatedAt,
  };
}

export function refundFromPayload(payload: Omit<RefundPayload, "order_id">, fallbackCurrency: string | null): RefundState {
  const successful = (payload.transactions ?? []).filter((tx) => (tx.kind ?? "refund") === "refund" && (tx.status ?? "success") === "success");
  const cents = successful.reduce((sum, tx) => sum + Math.round(Number(tx.amount) * 100), 0);
  return {
    id: refundKey(payload.id),
    amount: (cents / 100).toFixed(2),
    currency: successful[0]?.currency ?? fallbackCurrency ?? "USD",
    createdAt: payload.created_at ?? payload.processed_at ?? new Date(0).toISOString(),
  };
}

export function orderStateFromPayload(payload: unknown): OrderState {
  const order = parseWith(orderPayload, payload, "order");
  const fulfillments: Record<string, FulfillmentState> = {};
  for (const fulfillment of order.fulfillments ?? []) {
    const state = fulfillmentFromPayload(fulfillment, order.updated_at);
    fulfillments[state.id] = state;
  }
  const refunds: Record<string, RefundState> = {};
  for (const refund of order.refunds ?? []) {
    const state = refundFromPayload(refund, order.currency);
    refunds[state.id] = state;
  }
  return {
    orderId: orderGid(order.admin_graphql_api_id ?? order.id),
    name: order.name,
    customerId: order.customer ? customerGid(order.customer.id) : null,
    email: order.email ?? order.customer?.email ?? null,
    createdAt: order.created_at ?? null,
    updatedAt: order.updated_at,
    financialStatus: order.financial_status?.toLowerCase() ?? null,
    fulfillmentStatus: order.fulfillment_status?.toLowerCase() ?? null,
    cancelledAt: order.cancelled_at,
    totalPrice: order.total_price == null ? null : String(order.total_price),
    currency: order.currency,
    fulfillments,
    refunds,
  };
}

export function parseFulfillmentPayload(payload: unknown): { orderId: string; fulfillment: FulfillmentState } {
  const parsed = parseWith(fulfillmentPayload, payload, "fulfillment");
  if (!parsed.order_id) throw new PayloadError("fulfillment payload: order_id is missing");
  return { orderId: orderGid(parsed.order_id), fulfillment: fulfillmentFromPayload(parsed, new Date(0).toISOString()) };
}

export function parseRefundPayload(payload: unknown): { orderId: string; refund: RefundState } {
  const parsed = parseWith(refundPayload, payload, "refund");
  return { orderId: orderGid(parsed.order_id), refund: refundFromPayload(parsed, null) };
}

const later = (a: string, b: string) => Date.parse(a) >= Date.parse(b);

function mergeFulfillments(previous: Record<string, FulfillmentState>, incoming: Record<string, FulfillmentState>): Record<string, FulfillmentState> {
  const merged = { ...previous };
  for (const [key, fulfillment] of Object.entries(incoming)) {
    const known = merged[key];
    if (!known || later(fulfillment.updatedAt, known.updatedAt)) {
      // A delivery time once seen is kept (a later payload may not repeat it).
      merged[key] = { ...fulfillment, deliveredAt: fulfillment.deliveredAt ?? known?.deliveredAt ?? null, estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ?? known?.estimatedDeliveryAt ?? null };
    }
  }
  return merged;
}

/** Newer order-level fields win; fulfilments merge one by one by their own updated_at; refunds accumulate. */
export function mergeOrderState(previous: OrderState | null, incoming: OrderState): OrderState {
  if (!previous) return incoming;
  const incomingIsNewer = later(incoming.updatedAt, previous.updatedAt);
  const base = incomingIsNewer ? incoming : previous;
  return {
    ...base,
    createdAt: previous.createdAt ?? incoming.createdAt,
    customerId: base.customerId ?? previous.customerId ?? incoming.customerId,
    email: base.email ?? previous.email ?? incoming.email,
    fulfillments: mergeFulfillments(previous.fulfillments, incoming.fulfillments),
    refunds: { ...incoming.refunds, ...previous.refunds },
  };
}

export function withFulfillment(previous: OrderState, fulfillment: FulfillmentState): OrderState {
  return { ...previous, fulfillments: mergeFulfillments(previous.fulfillments, { [fulfillment.id]: fulfillment }) };
}

export function withRefund(previous: OrderState, refund: RefundState): OrderState {
  return previous.refunds[refund.id] ? previous : { ...previous, refunds: { ...previous.refunds, [refund.id]: refund } };
}

/** A state known only from a fulfilment or refund webhook (the order itself not seen yet). */
export function placeholderOrder(orderId: string): OrderState {
  return {
    orderId, name: "", customerId: null, email: null, createdAt: null, updatedAt: new Date(0).toISOString(),
    financialStatus: null, fulfillmentStatus: null, cancelledAt: null, totalPrice: null, currency: null, fulfillments: {}, refunds: {},
  };
}

export type OrderFactKind = "created" | "paid" | "fulfilled" | "estimated" | "in_transit" | "out_for_delivery" | "delivered" | "cancelled" | "refunded";

/** Facts that drive effects but are not shown on the timeline (a fulfilment's estimate, each time it changes). */
export const HIDDEN_FACTS: readonly OrderFactKind[] = ["estimated"];

export interface OrderFact {
  /** Stable per order: `created`, `fulfilled:<fulfillment>`, `refunded:<refund>`… */
  key: string;
  kind: OrderFactKind;
  fulfillmentId?: string;
  refundId?: string;
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  estimatedDeliveryAt?: string | null;
  deliveredAt?: string | null;
  amount?: string;
  currency?: string;
}

const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);
const IN_TRANSIT_OR_LATER = ["in_transit", "out_for_delivery", "delivered"];

/** Everything that is true of the order; the facts not true before are what happened. */
export function orderFacts(state: OrderState): Map<string, OrderFact> {
  const facts = new Map<string, OrderFact>();
  const add = (fact: OrderFact) => facts.set(fact.key, fact);
  if (state.name) add({ key: "created", kind: "created" });
  if (state.financialStatus && PAID_STATUSES.has(state.financialStatus)) add({ key: "paid", kind: "paid" });
  for (const fulfillment of Object.values(state.fulfillments)) {
    if (fulfillment.status !== "success") continue;
    const tracking = { fulfillmentId: fulfillment.id, carrier: fulfillment.carrier, trackingNumber: fulfillment.trackingNumber, trackingUrl: fulfillment.trackingUrl };
    add({ key: `fulfilled:${fulfillment.id}`, kind: "fulfilled", ...tracking, estimatedDeliveryAt: fulfillment.estimatedDeliveryAt });
    if (fulfillment.estimatedDeliveryAt) add({ key: `estimated:${fulfillment.id}:${fulfillment.estimatedDeliveryAt}`, kind: "estimated", ...tracking, estimatedDeliveryAt: fulfillment.estimatedDeliveryAt });
    const stage = IN_TRANSIT_OR_LATER.indexOf(fulfillment.shipmentStatus ?? "");
    if (stage === 0) add({ key: `in_transit:${fulfillment.id}`, kind: "in_transit", ...tracking });
    if (stage === 1) add({ key: `out_for_delivery:${fulfillment.id}`, kind: "out_for_delivery", ...tracking });
    if (stage === 2) add({ key: `delivered:${fulfillment.id}`, kind: "delivered", ...tracking, deliveredAt: fulfillment.deliveredAt });
  }
  if (state.cancelledAt) add({ key: "cancelled", kind: "cancelled" });
  for (const refund of Object.values(state.refunds)) {
    add({ key: `refunded:${refund.id}`, kind: "refunded", refundId: refund.id, amount: refund.amount, currency: refund.currency });
  }
  return facts;
}

export function newFacts(previous: OrderState | null, next: OrderState): OrderFact[] {
  const before = previous ? orderFacts(previous) : new Map<string, OrderFact>();
  return [...orderFacts(next).values()].filter((fact) => !before.has(fact.key));
}

/** Whether any fulfilment is delivered (the order as a whole counts as delivered). */
export function isDelivered(state: OrderState): boolean {
  return Object.values(state.fulfillments).some((fulfillment) => fulfillment.status === "success" && fulfillment.shipmentStatus === "delivered");
}
