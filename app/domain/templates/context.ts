// Builds the only data a reply template can see. Inputs are plain typed objects (filled from our DB
// and the Shopify Admin API by the caller); the output is a fresh, frozen tree of snake_case
// primitives, so a template can never reach a DB record, a method or a prototype.

/** Shopify Admin API `MoneyV2` shape: a decimal amount in major units plus ISO 4217 currency code. */
export interface MoneyInput {
  amount: string | number;
  currencyCode: string;
}

export type DateInput = Date | string;

export interface CustomerInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  /** BCP 47 tag as stored on the customer (`zh-CN`, `es-MX`, `en`). */
  language?: string | null;
  ordersCount?: number | null;
  totalSpent?: MoneyInput | null;
}

export interface LineItemInput {
  title: string;
  quantity: number;
  sku?: string | null;
}

export interface OrderInput {
  /** Shopify order name, e.g. `#1001`. */
  name: string;
  createdAt: DateInput;
  /** Admin API enum (`PAID`, `PARTIALLY_REFUNDED`…) or Liquid spelling (`paid`). */
  financialStatus?: string | null;
  /** Admin API `displayFulfillmentStatus` (`FULFILLED`, `PARTIALLY_FULFILLED`…) or Liquid spelling. */
  fulfillmentStatus?: string | null;
  total?: MoneyInput | null;
  lineItems?: readonly LineItemInput[] | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  carrier?: string | null;
  /** A date (`2025-03-14`) is kept as a calendar day; a date-time is converted to the reader's zone. */
  estimatedDelivery?: DateInput | null;
  deliveredAt?: DateInput | null;
  shippingCity?: string | null;
  shippingCountry?: string | null;
}

export interface TicketInput {
  number: number;
  subject?: string | null;
  channel: string;
  createdAt: DateInput;
}

export interface AgentInput {
  firstName?: string | null;
  name?: string | null;
}

export interface ShopInput {
  name: string;
  email?: string | null;
  domain?: string | null;
  /** Human-readable hours, already in the reader's language (e.g. "Mon–Fri 9:00–18:00 CET"). */
  supportHours?: string | null;
  nextOpenTime?: DateInput | null;
  /** When the customer can expect a human reply (a date-time; templates format it with `date`). */
  expectedReplyTime?: DateInput | null;
  currencyCode?: string | null;
}

export interface TemplateContextInput {
  customer?: CustomerInput | null;
  order?: OrderInput | null;
  ticket?: TicketInput | null;
  agent?: AgentInput | null;
  shop: ShopInput;
}

type Nullable<T> = T | null;

/** Money values are integer cents (Shopify Liquid convention), formatted by the `money` filters. */
export interface CustomerDrop {
  readonly first_name: Nullable<string>;
  readonly last_name: Nullable<string>;
  readonly name: Nullable<string>;
  readonly email: Nullable<string>;
  readonly language: Nullable<string>;
  readonly orders_count: Nullable<number>;
  readonly total_spent: Nullable<number>;
}

export interface LineItemDrop {
  readonly title: string;
  readonly quantity: number;
  readonly sku: Nullable<string>;
}

export interface OrderDrop {
  readonly name: string;
  readonly created_at: string;
  readonly financial_status: Nullable<string>;
  readonly fulfillment_status: Nullable<string>;
  readonly total: Nullable<number>;
  readonly currency: Nullable<string>;
  readonly line_items: readonly LineItemDrop[];
  readonly tracking_number: Nullable<string>;
  readonly tracking_url: Nullable<string>;
  readonly carrier: Nullable<string>;
  readonly estimated_delivery: Nullable<string>;
  readonly delivered_at: Nullable<string>;
  readonly shipping_city: Nullable<string>;
  readonly shipping_country: Nullable<string>;
}

export interface TicketDrop {
  readonly number: number;
  readonly subject: Nullable<string>;
  readonly channel: string;
  readonly created_at: string;
}

export interface AgentDrop {
  readonly first_name: Nullable<string>;
  readonly name: Nullable<string>;
}

export interface ShopDrop {
  readonly name: string;
  readonly email: Nullable<string>;
  readonly domain: Nullable<string>;
  readonly support_hours: Nullable<string>;
  readonly next_open_time: Nullable<string>;
  readonly expected_reply_time: Nullable<string>;
  readonly currency: Nullable<string>;
}

/** Absent objects stay `null` so `{{ order.name }}` is reported as missing, not as an error. */
export interface TemplateContext {
  readonly customer: CustomerDrop | null;
  readonly order: OrderDrop | null;
  readonly ticket: TicketDrop | null;
  readonly agent: AgentDrop | null;
  readonly shop: ShopDrop;
}

/** Top-level names a template may use (plus `prompt`, see prompts.ts). */
export const CONTEXT_ROOTS = ["customer", "order", "ticket", "agent", "shop"] as const;
export type ContextRoot = (typeof CONTEXT_ROOTS)[number];

// Record<keyof …, true> makes the compiler flag a field added to a drop but not listed here.
function fieldsOf<Drop>(fields: Record<keyof Drop, true>): readonly string[] {
  return Object.freeze(Object.keys(fields));
}

/** Fields per root, for the editor's "unknown variable" warnings. */
export const CONTEXT_FIELDS: Readonly<Record<ContextRoot, readonly string[]>> = Object.freeze({
  customer: fieldsOf<CustomerDrop>({
    first_name: true, last_name: true, name: true, email: true, language: true, orders_count: true,
    total_spent: true,
  }),
  order: fieldsOf<OrderDrop>({
    name: true, created_at: true, financial_status: true, fulfillment_status: true, total: true,
    currency: true, line_items: true, tracking_number: true, tracking_url: true, carrier: true,
    estimated_delivery: true, delivered_at: true, shipping_city: true, shipping_country: true,
  }),
  ticket: fieldsOf<TicketDrop>({ number: true, subject: true, channel: true, created_at: true }),
  agent: fieldsOf<AgentDrop>({ first_name: true, name: true }),
  shop: fieldsOf<ShopDrop>({
    name: true, email: true, domain: true, support_hours: true, next_open_time: true,
    expected_reply_time: true, currency: true,
  }),
});

export const LINE_ITEM_FIELDS = fieldsOf<LineItemDrop>({ title: true, quantity: true, sku: true });

export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
  return Object.freeze({
    customer: input.customer ? buildCustomer(input.customer) : null,
    order: input.order ? buildOrder(input.order) : null,
    ticket: input.ticket ? buildTicket(input.ticket) : null,
    agent: input.agent ? buildAgent(input.agent) : null,
    shop: buildShop(input.shop),
  });
}

function buildCustomer(customer: CustomerInput): CustomerDrop {
  const firstName = text(customer.firstName);
  const lastName = text(customer.lastName);
  return Object.freeze({
    first_name: firstName,
    last_name: lastName,
    name: fullName(firstName, lastName),
    email: text(customer.email),
    language: text(customer.language),
    orders_count: count(customer.ordersCount),
    total_spent: cents(customer.totalSpent),
  });
}

function buildOrder(order: OrderInput): OrderDrop {
  const lineItems = (order.lineItems ?? []).map((item) =>
    Object.freeze({ title: item.title, quantity: item.quantity, sku: text(item.sku) }),
  );
  return Object.freeze({
    name: order.name,
    created_at: isoTimestamp(order.createdAt),
    financial_status: liquidStatus(order.financialStatus),
    fulfillment_status: fulfillmentStatus(order.fulfillmentStatus),
    total: cents(order.total),
    currency: text(order.total?.currencyCode),
    line_items: Object.freeze(lineItems),
    tracking_number: text(order.trackingNumber),
    tracking_url: safeUrl(order.trackingUrl),
    carrier: text(order.carrier),
    estimated_delivery: optionalDate(order.estimatedDelivery),
    delivered_at: optionalDate(order.deliveredAt),
    shipping_city: text(order.shippingCity),
    shipping_country: text(order.shippingCountry),
  });
}

function buildTicket(ticket: TicketInput): TicketDrop {
  return Object.freeze({
    number: ticket.number,
    subject: text(ticket.subject),
    channel: ticket.channel,
    created_at: isoTimestamp(ticket.createdAt),
  });
}

function buildAgent(agent: AgentInput): AgentDrop {
  const firstName = text(agent.firstName);
  return Object.freeze({ first_name: firstName, name: text(agent.name) ?? firstName });
}

function buildShop(shop: ShopInput): ShopDrop {
  return Object.freeze({
    name: shop.name,
    email: text(shop.email),
    domain: text(shop.domain),
    support_hours: text(shop.supportHours),
    next_open_time: optionalDate(shop.nextOpenTime),
    expected_reply_time: optionalDate(shop.expectedReplyTime),
    currency: text(shop.currencyCode),
  });
}

/** Blank strings become null so the missing-value check and `default` treat them alike. */
function text(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function count(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** CJK names read family-name first without a space (王 + 小明 → 王小明). */
function fullName(firstName: string | null, lastName: string | null): string | null {
  if (!firstName || !lastName) return firstName ?? lastName;
  if (CJK.test(firstName) || CJK.test(lastName)) return `${lastName}${firstName}`;
  return `${firstName} ${lastName}`;
}

function cents(money: MoneyInput | null | undefined): number | null {
  if (!money) return null;
  const amount = typeof money.amount === "number" ? money.amount : Number.parseFloat(money.amount);
  return Number.isFinite(amount) ? Math.round(amount * 100) : null;
}

/** Shopify Liquid spelling: lowercase snake case (`PARTIALLY_REFUNDED` → `partially_refunded`). */
function liquidStatus(status: string | null | undefined): string | null {
  const value = text(status);
  return value ? value.toLowerCase().replace(/[\s-]+/g, "_") : null;
}

/**
 * Collapses the Admin API's display statuses to Shopify Liquid's vocabulary
 * (`fulfilled`, `partial`, `unfulfilled`, `restocked`) so templates compare against few values.
 */
function fulfillmentStatus(status: string | null | undefined): string | null {
  const value = liquidStatus(status);
  if (value === null) return "unfulfilled";
  if (value === "fulfilled" || value === "restocked") return value;
  if (value === "partial" || value === "partially_fulfilled") return "partial";
  return "unfulfilled";
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function isoTimestamp(value: DateInput): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invalid date: ${String(value)}`);
  return date.toISOString();
}

function optionalDate(value: DateInput | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" && DATE_ONLY.test(value)) return value;
  return isoTimestamp(value);
}

/** Only http(s) links reach a customer; anything else (javascript:, data:) is dropped. */
function safeUrl(value: string | null | undefined): string | null {
  const candidate = text(value);
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
