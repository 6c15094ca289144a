import { parseShopSettings } from "../../domain/shop-settings";
// Pure mapping from the Admin API answer (as cached) to the panel's JSON view.
import type { CustomerPanelResult, PanelCustomerNode, PanelOrderNode } from "../../shopify/queries/customer-panel.server";
import { guessTimeZone, isValidTimeZone } from "./local-time";
import type { PanelAddress, PanelCustomer, PanelLineItem, PanelOrder, PanelOrderSummary, PanelStockLevel } from "./types";


/** `settings.lowStockThreshold` from the shop's settings JSON (default 5). */
export function lowStockThresholdOf(settings: unknown): number {
  return parseShopSettings(settings).lowStockThreshold;
}

export function numericId(gid: string): string {
  return gid.split("/").pop()?.split("?")[0] ?? gid;
}

/** The store handle in admin.shopify.com URLs: "acme.myshopify.com" → "acme". */
export function storeHandle(shopDomain: string): string {
  return shopDomain.replace(/\.myshopify\.com$/i, "");
}

export function orderAdminUrl(shopDomain: string, orderGid: string): string {
  return `https://admin.shopify.com/store/${storeHandle(shopDomain)}/orders/${numericId(orderGid)}`;
}

export function customerAdminUrl(shopDomain: string, customerGid: string): string {
  return `https://admin.shopify.com/store/${storeHandle(shopDomain)}/customers/${numericId(customerGid)}`;
}

export function isOrderNode(node: CustomerPanelResult["linkedOrders"][number]): node is PanelOrderNode {
  return node !== null && node.__typename === "Order";
}

/** What the ticket's own records know about the customer (our Customer row). */
export interface LocalCustomer {
  email: string | null;
  phone: string | null;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  timezone: string | null;
}

export function buildCustomer(shopDomain: string, remote: PanelCustomerNode | null | undefined, local: LocalCustomer | null, ticketLanguage: string | null): PanelCustomer | null {
  if (!remote && !local) return null;
  const address = remote?.defaultAddress ?? null;
  const storedZone = isValidTimeZone(local?.timezone) ? local!.timezone : null;
  const localName = local?.displayName ?? ([local?.firstName, local?.lastName].filter(Boolean).join(" ") || null);
  const ordersCount = remote ? Number.parseInt(String(remote.numberOfOrders), 10) : NaN;
  return {
    shopifyCustomerId: remote?.id ?? null,
    adminUrl: remote ? customerAdminUrl(shopDomain, remote.id) : null,
    displayName: remote?.displayName || localName || local?.email || local?.phone || "—",
    email: remote?.defaultEmailAddress?.emailAddress ?? local?.email ?? null,
    phone: remote?.defaultPhoneNumber?.phoneNumber ?? local?.phone ?? null,
    language: remote?.locale ?? local?.language ?? ticketLanguage ?? null,
    timeZone: storedZone ?? guessTimeZone(address?.countryCodeV2, address?.provinceCode),
    location: address ? [address.city, address.provinceCode, address.countryCodeV2].filter(Boolean).join(", ") || null : null,
    tags: remote?.tags ?? [],
    amountSpent: remote ? { amount: String(remote.amountSpent.amount), currencyCode: remote.amountSpent.currencyCode } : null,
    ordersCount: Number.isFinite(ordersCount) ? ordersCount : null,
    customerSince: remote ? String(remote.createdAt) : null,
  };
}

/** The fields an order summary needs, as both the panel query and the order search select them. */
export interface OrderSummaryNode {
  id: string;
  name: string;
  createdAt: unknown;
  displayFinancialStatus?: PanelOrderSummary["financialStatus"] | null;
  displayFulfillmentStatus: PanelOrderSummary["fulfillmentStatus"];
  totalPriceSet: { shopMoney: { amount: unknown; currencyCode: PanelOrderSummary["total"]["currencyCode"] } };
}

export function toOrderSummary(order: OrderSummaryNode, linkedIds: ReadonlySet<string>): PanelOrderSummary {
  return {
    id: order.id,
    name: order.name,
    createdAt: String(order.createdAt),
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    total: { amount: String(order.totalPriceSet.shopMoney.amount), currencyCode: order.totalPriceSet.shopMoney.currencyCode },
    linked: linkedIds.has(order.id),
  };
}

export function buildRecentOrders(remote: PanelCustomerNode | null | undefined, linkedIds: ReadonlySet<string>): PanelOrderSummary[] {
  return (remote?.orders.nodes ?? []).map((order) => toOrderSummary(order, linkedIds));
}

function buildAddress(address: PanelOrderNode["shippingAddress"]): PanelAddress | null {
  if (!address) return null;
  const cityLine = [address.city, address.provinceCode, address.zip].filter(Boolean).join(" ");
  return {
    name: address.name ?? null,
    lines: [address.address1, address.address2, cityLine, address.country].filter((line): line is string => !!line),
    phone: address.phone ?? null,
  };
}

type LineItemNode = PanelOrderNode["lineItems"]["nodes"][number];

function buildLineItem(line: LineItemNode, threshold: number): PanelLineItem {
  const item = line.variant?.inventoryItem ?? null;
  const tracked = item?.tracked ?? false;
  const stock: PanelStockLevel[] = (item?.inventoryLevels.nodes ?? []).map((level) => {
    const quantity = (name: string) => level.quantities.find((entry) => entry.name === name)?.quantity ?? 0;
    const available = quantity("available");
    return {
      locationName: level.location.name,
      available,
      onHand: quantity("on_hand"),
      outOfStock: tracked && available <= 0,
      lowStock: tracked && available > 0 && available <= threshold,
    };
  });
  const totalAvailable = item && tracked ? stock.reduce((sum, level) => sum + level.available, 0) : null;
  return {
    id: line.id,
    title: line.title,
    variantTitle: line.variantTitle ?? null,
    sku: line.sku ?? null,
    quantity: line.quantity,
    tracked,
    stock,
    totalAvailable,
    outOfStock: totalAvailable !== null && totalAvailable <= 0,
    lowStock: totalAvailable !== null && totalAvailable > 0 && totalAvailable <= threshold,
  };
}

export function buildOrder(shopDomain: string, order: PanelOrderNode, linkedBy: string, threshold: number): PanelOrder {
  return {
    id: order.id,
    name: order.name,
    linkedBy,
    adminUrl: orderAdminUrl(shopDomain, order.id),
    createdAt: String(order.createdAt),
    cancelledAt: order.cancelledAt ? String(order.cancelledAt) : null,
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    total: { amount: String(order.totalPriceSet.shopMoney.amount), currencyCode: order.totalPriceSet.shopMoney.currencyCode },
    note: order.note ?? null,
    tags: order.tags,
    shippingAddress: buildAddress(order.shippingAddress),
    fulfillments: order.fulfillments.map((fulfillment) => ({
      id: fulfillment.id,
      name: fulfillment.name ?? null,
      status: fulfillment.status,
      displayStatus: fulfillment.displayStatus ?? null,
      createdAt: String(fulfillment.createdAt),
      inTransitAt: fulfillment.inTransitAt ? String(fulfillment.inTransitAt) : null,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ? String(fulfillment.estimatedDeliveryAt) : null,
      deliveredAt: fulfillment.deliveredAt ? String(fulfillment.deliveredAt) : null,
      tracking: fulfillment.trackingInfo.map((info) => ({ company: info.company ?? null, number: info.number ?? null, url: info.url ? String(info.url) : null })),
    })),
    lineItems: order.lineItems.nodes.map((line) => buildLineItem(line, threshold)),
    moreLineItems: order.lineItems.pageInfo.hasNextPage,
  };
}
