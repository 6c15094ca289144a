// The webhook topics that go through ingestion (receive.server.ts) and what each one drives.
// app/uninstalled and app/scopes_update keep their own small routes (they act at once).

export const ORDER_TOPICS = ["orders/create", "orders/updated", "orders/cancelled", "orders/fulfilled"] as const;
export const FULFILLMENT_TOPICS = ["fulfillments/create", "fulfillments/update"] as const;
export const REFUND_TOPICS = ["refunds/create"] as const;
export const CUSTOMER_TOPICS = ["customers/update"] as const;
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export const INGESTED_TOPICS: readonly string[] = [...ORDER_TOPICS, ...FULFILLMENT_TOPICS, ...REFUND_TOPICS, ...CUSTOMER_TOPICS, ...COMPLIANCE_TOPICS];

/** Shopify's header spells topics `orders/updated`; the library hands out `ORDERS_UPDATED`. */
export function normaliseTopic(topic: string): string {
  return topic.includes("/") ? topic.toLowerCase() : topic.toLowerCase().replace("_", "/");
}
