import type { CustomerRecord, FulfillmentRecord, LineItemRecord, OrderRecord } from "../fixtures/index";
import { customerDisplayName } from "../fixtures/index";
import { paginate, type ConnectionArgs } from "./connection";
import { filterOrders, sortOrders } from "./filters";
import type { EmulatorStore } from "./store";
import { locationView, productView, variantView } from "./views-catalog";
import { addressView, legacyResourceId, moneyBag, moneyV2, type View } from "./views-common";

type OrderListArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

export function orderConnection(store: EmulatorStore, orders: readonly OrderRecord[], args: OrderListArgs) {
  const filtered = sortOrders(filterOrders(store, orders, args.query), args.sortKey);
  return paginate(filtered, args, (order) => order.id, (order) => orderView(store, order));
}

function lineItemView(store: EmulatorStore, order: OrderRecord, line: LineItemRecord): View {
  const presentment = { code: order.presentmentCurrencyCode, rate: order.presentmentRate };
  return {
    __typename: "LineItem",
    id: line.id,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity,
    unfulfilledQuantity: line.unfulfilledQuantity,
    refundableQuantity: order.cancelledAt ? 0 : line.currentQuantity,
    requiresShipping: true,
    originalUnitPriceSet: moneyBag(line.unitPrice, presentment),
    discountedUnitPriceSet: moneyBag(line.unitPrice, presentment),
    originalTotalSet: moneyBag(Number(line.unitPrice) * line.quantity, presentment),
    variant: () => {
      const variant = store.variant(line.variantId);
      return variant ? variantView(store, variant) : null;
    },
    product: () => {
      const product = store.product(line.productId);
      return product ? productView(store, product) : null;
    },
  };
}

function fulfillmentView(store: EmulatorStore, order: OrderRecord, fulfillment: FulfillmentRecord): View {
  return {
    __typename: "Fulfillment",
    id: fulfillment.id,
    legacyResourceId: legacyResourceId(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    displayStatus: fulfillment.displayStatus,
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    inTransitAt: fulfillment.inTransitAt,
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
    deliveredAt: fulfillment.deliveredAt,
    requiresShipping: true,
    totalQuantity: fulfillment.lineItems.reduce((sum, line) => sum + line.quantity, 0),
    trackingInfo: (args: { first?: number | null }) =>
      fulfillment.trackingInfo.slice(0, args.first ?? undefined).map((tracking) => ({ __typename: "FulfillmentTrackingInfo", ...tracking })),
    location: () => {
      const location = store.data.locations.find((candidate) => candidate.id === fulfillment.locationId);
      return location ? locationView(store, location) : null;
    },
    order: () => orderView(store, order),
    fulfillmentLineItems: (args: ConnectionArgs) =>
      paginate(fulfillment.lineItems, args, (entry) => entry.lineItemId, (entry) => {
        const line = order.lineItems.find((candidate) => candidate.id === entry.lineItemId);
        return {
          __typename: "FulfillmentLineItem",
          id: `gid://shopify/FulfillmentLineItem/${legacyResourceId(entry.lineItemId)}`,
          quantity: entry.quantity,
          lineItem: line ? lineItemView(store, order, line) : null,
        };
      }),
  };
}

export function orderView(store: EmulatorStore, order: OrderRecord): View {
  const presentment = { code: order.presentmentCurrencyCode, rate: order.presentmentRate };
  const closed = ["delivered", "refunded", "partially_refunded", "cancelled"].includes(order.scenario);
  const quantity = (pick: (line: LineItemRecord) => number) => order.lineItems.reduce((sum, line) => sum + pick(line), 0);
  const currentSubtotal = order.lineItems.reduce((sum, line) => sum + Number(line.unitPrice) * line.currentQuantity, 0);
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: legacyResourceId(order.id),
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    closed,
    closedAt: closed ? order.updatedAt : null,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    confirmed: true,
    test: false,
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: order.fulfillmentStatus,
    returnStatus: order.scenario === "refunded" || order.scenario === "partially_refunded" ? "RETURNED" : "NO_RETURN",
    fullyPaid: !["PENDING", "AUTHORIZED"].includes(order.financialStatus),
    unpaid: order.financialStatus === "PENDING",
    email: order.email,
    phone: order.shippingAddress.phone,
    customerLocale: order.customerLocale,
    currencyCode: order.currencyCode,
    presentmentCurrencyCode: order.presentmentCurrencyCode,
    tags: order.tags,
    note: order.note,
    statusPageUrl: order.statusPageUrl,
    subtotalLineItemsQuantity: quantity((line) => line.quantity),
    currentSubtotalLineItemsQuantity: quantity((line) => line.currentQuantity),
    subtotalPriceSet: moneyBag(order.subtotalPrice, presentment),
    currentSubtotalPriceSet: moneyBag(currentSubtotal, presentment),
    totalShippingPriceSet: moneyBag(order.shippingPrice, presentment),
    totalPriceSet: moneyBag(order.totalPrice, presentment),
    currentTotalPriceSet: moneyBag(order.currentTotalPrice, presentment),
    totalRefundedSet: moneyBag(order.totalRefunded, presentment),
    customer: () => {
      const customer = store.customer(order.customerId);
      return customer ? customerView(store, customer) : null;
    },
    shippingAddress: () => addressView(order.shippingAddress, order.id),
    billingAddress: () => addressView(order.shippingAddress, order.id),
    displayAddress: () => addressView(order.shippingAddress, order.id),
    lineItems: (args: ConnectionArgs) => paginate(order.lineItems, args, (line) => line.id, (line) => lineItemView(store, order, line)),
    fulfillments: (args: { first?: number | null }) =>
      order.fulfillments.slice(0, args.first ?? undefined).map((fulfillment) => fulfillmentView(store, order, fulfillment)),
  };
}

/** Rough English phrase like Shopify's `lifetimeDuration`, measured from the fixture reference date. */
function lifetimeDuration(createdAt: string, referenceIso: string): string {
  const days = Math.max(0, (Date.parse(referenceIso) - Date.parse(createdAt)) / 86_400_000);
  if (days < 1) return "less than a day";
  if (days < 30) return `${Math.round(days)} days`;
  if (days < 365) return Math.round(days / 30) === 1 ? "about 1 month" : `${Math.round(days / 30)} months`;
  return Math.round(days / 365) === 1 ? "about 1 year" : `about ${Math.round(days / 365)} years`;
}

export function customerView(store: EmulatorStore, customer: CustomerRecord): View {
  const orders = store.ordersOfCustomer(customer.id);
  const spent = orders.filter((order) => order.cancelledAt === null).reduce((sum, order) => sum + Number(order.currentTotalPrice), 0);
  const subscribed = customer.tags.includes("newsletter");
  return {
    __typename: "Customer",
    id: customer.id,
    legacyResourceId: legacyResourceId(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: customerDisplayName(customer),
    email: customer.email,
    phone: customer.phone,
    defaultEmailAddress: {
      __typename: "CustomerEmailAddress",
      emailAddress: customer.email,
      marketingState: subscribed ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
      validFormat: true,
    },
    defaultPhoneNumber: { __typename: "CustomerPhoneNumber", phoneNumber: customer.phone, marketingState: "NOT_SUBSCRIBED" },
    defaultAddress: () => addressView(customer.address, customer.id),
    addresses: (args: { first?: number | null }) => [addressView(customer.address, customer.id)].slice(0, args.first ?? undefined),
    locale: customer.locale,
    state: "ENABLED",
    verifiedEmail: true,
    numberOfOrders: String(orders.length),
    amountSpent: moneyV2(spent, "USD"),
    lifetimeDuration: lifetimeDuration(customer.createdAt, store.data.referenceDate),
    tags: customer.tags,
    note: customer.note,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    lastOrder: () => {
      const last = orders[orders.length - 1];
      return last ? orderView(store, last) : null;
    },
    orders: (args: OrderListArgs) => orderConnection(store, orders, { ...args, sortKey: args.sortKey ?? "ID" }),
  };
}

