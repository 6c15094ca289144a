/** Sample webhook payloads (REST-shaped, as Shopify delivers them) for the demo shop. */
const SHOP_ID = 60000001;

export function sampleWebhookPayload(topic: string, shop: string): Record<string, unknown> {
  const now = new Date().toISOString();
  const customer = { id: 70000001, email: "alex@example.com", phone: "+15555550101" };
  switch (topic) {
    case "app/uninstalled":
      return { id: SHOP_ID, name: "Shopdesk Demo", email: "owner@shopdesk-demo.example", domain: shop, myshopify_domain: shop, plan_name: "basic", created_at: now, updated_at: now };
    case "app/scopes_update":
      return { id: SHOP_ID, previous: ["read_orders"], current: ["read_orders", "write_orders", "read_customers"], updated_at: now };
    case "customers/data_request":
      return { shop_id: SHOP_ID, shop_domain: shop, orders_requested: [80000001], customer, data_request: { id: 9999 } };
    case "customers/redact":
      return { shop_id: SHOP_ID, shop_domain: shop, customer, orders_to_redact: [80000001] };
    case "shop/redact":
      return { shop_id: SHOP_ID, shop_domain: shop };
    case "customers/create":
    case "customers/update":
      return { ...customer, admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`, first_name: "Alex", last_name: "Kim", created_at: now, updated_at: now, tags: "" };
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled":
    case "orders/fulfilled":
      return {
        id: 80000001, admin_graphql_api_id: "gid://shopify/Order/80000001", name: "#1001", email: customer.email,
        created_at: now, updated_at: now, financial_status: "paid", fulfillment_status: null, currency: "USD",
        total_price: "54.00", note: null, tags: "",
        customer: { id: customer.id, email: customer.email, first_name: "Alex", last_name: "Kim" },
        line_items: [{ id: 81000001, title: "Linen Tote", quantity: 2, price: "27.00", sku: "TOTE-LIN", variant_id: 82000001 }],
      };
    case "fulfillments/create":
    case "fulfillments/update":
      return {
        id: 83000001, admin_graphql_api_id: "gid://shopify/Fulfillment/83000001", order_id: 80000001, status: "success",
        created_at: now, updated_at: now, service: "manual", tracking_company: "UPS",
        shipment_status: topic === "fulfillments/update" ? "in_transit" : null, location_id: 84000001, name: "#1001.1",
        tracking_number: "1Z999AA10123456784", tracking_numbers: ["1Z999AA10123456784"],
        tracking_url: "https://www.ups.com/track?tracknum=1Z999AA10123456784", tracking_urls: ["https://www.ups.com/track?tracknum=1Z999AA10123456784"],
        line_items: [{ id: 81000001, title: "Linen Tote", quantity: 2, sku: "TOTE-LIN", variant_id: 82000001 }],
      };
    case "refunds/create":
      return {
        id: 85000001, admin_graphql_api_id: "gid://shopify/Refund/85000001", order_id: 80000001, created_at: now, processed_at: now,
        note: "Sample refund", restock: false, refund_line_items: [], order_adjustments: [],
        transactions: [{ id: 86000001, order_id: 80000001, kind: "refund", status: "success", gateway: "bogus", currency: "USD", amount: "27.00", created_at: now }],
      };
    default:
      return { shop_domain: shop, sample: true, topic };
  }
}

export const SAMPLE_WEBHOOK_TOPICS = [
  "app/uninstalled", "app/scopes_update",
  "customers/data_request", "customers/redact", "shop/redact",
  "customers/create", "customers/update",
  "orders/create", "orders/updated", "orders/cancelled", "orders/fulfilled",
  "fulfillments/create", "fulfillments/update", "refunds/create",
] as const;
