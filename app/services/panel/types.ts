// The customer and order panel as the ticket page receives it: plain JSON (ISO date strings,
// money as decimal strings), built by loadCustomerPanel (app/services/customer-panel.server.ts)
// and rendered by <CustomerPanel> (app/components/panel/CustomerPanel.tsx).

export interface PanelMoney {
  amount: string; // Shopify Decimal, e.g. "24.95"
  currencyCode: string;
}

export interface PanelCustomer {
  shopifyCustomerId: string | null; // gid://shopify/Customer/…; null when the customer is not in Shopify
  adminUrl: string | null;
  displayName: string;
  email: string | null;
  phone: string | null;
  /** BCP 47 (Shopify's customer locale, else what the ticket was written in). */
  language: string | null;
  /** IANA time zone (stored on the customer, else guessed from the default address). */
  timeZone: string | null;
  /** City, province code, country code of the default address. */
  location: string | null;
  tags: string[];
  amountSpent: PanelMoney | null;
  ordersCount: number | null;
  customerSince: string | null;
}

export interface PanelPreviousTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  csatScore: number | null;
}

export interface PanelOrderSummary {
  id: string; // gid://shopify/Order/…
  name: string; // #1001
  createdAt: string;
  financialStatus: string | null; // OrderDisplayFinancialStatus, e.g. PAID
  fulfillmentStatus: string; // OrderDisplayFulfillmentStatus, e.g. FULFILLED
  total: PanelMoney;
  linked: boolean;
}

export interface PanelTracking {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface PanelFulfillment {
  id: string;
  name: string | null;
  status: string; // FulfillmentStatus
  displayStatus: string | null; // FulfillmentDisplayStatus, e.g. IN_TRANSIT, DELIVERED
  createdAt: string;
  inTransitAt: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  tracking: PanelTracking[];
}

export interface PanelStockLevel {
  locationName: string;
  available: number;
  onHand: number;
  lowStock: boolean;
  outOfStock: boolean;
}

export interface PanelLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** false when Shopify does not track stock for the item (no flags then). */
  tracked: boolean;
  stock: PanelStockLevel[];
  totalAvailable: number | null;
  lowStock: boolean;
  outOfStock: boolean;
}

export interface PanelAddress {
  name: string | null;
  lines: string[]; // address1, address2, "city province zip", country
  phone: string | null;
}

export interface PanelOrder {
  id: string;
  name: string;
  linkedBy: string; // auto | manual | customer
  adminUrl: string; // https://admin.shopify.com/store/<store>/orders/<numeric id>
  createdAt: string;
  cancelledAt: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string;
  total: PanelMoney;
  note: string | null;
  tags: string[];
  shippingAddress: PanelAddress | null;
  fulfillments: PanelFulfillment[];
  lineItems: PanelLineItem[];
  /** More line items than the panel loads: the rest are in the Shopify admin. */
  moreLineItems: boolean;
}

/** A linked order Shopify no longer returns (deleted, or the details are not cached yet). */
export interface PanelMissingOrder {
  id: string;
  name: string;
  linkedBy: string;
  adminUrl: string;
}

export interface CustomerPanelView {
  ticketId: string;
  customer: PanelCustomer | null;
  previousTickets: PanelPreviousTicket[];
  orders: PanelOrder[];
  missingOrders: PanelMissingOrder[];
  /** The customer's recent orders, for manual linking. */
  recentOrders: PanelOrderSummary[];
  lowStockThreshold: number;
  /** When the Shopify data was fetched (ISO); null when nothing could be fetched or cached. */
  fetchedAt: string | null;
  /** The clock the view was built with (ISO): the customer's local time is shown for it. */
  generatedAt: string;
  /** true when the Shopify part is an older copy because the Admin API failed, throttled or was slow. */
  stale: boolean;
  /** What went wrong with the Admin API, for the banner. */
  error?: string;
  /** The failure's class (timeout, throttled, server, network, unauthorized, …), to word the banner. */
  errorKind?: string;
  /** Query cost of the request that built the Shopify part (from the cache when it was cached). */
  cost: number | null;
}

export type OrderActionIntent = "link" | "unlink" | "search" | "addNote" | "addTag";

/** What app.tickets.$ticketId.orders answers to the panel's fetchers. */
export type OrderActionResult =
  | { ok: true; intent: "search"; results: PanelOrderSummary[] }
  | { ok: true; intent: Exclude<OrderActionIntent, "search">; message: string }
  | { ok: false; errors: Record<string, string> };
