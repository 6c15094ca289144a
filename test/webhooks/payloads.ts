// Webhook payloads shaped like Shopify's REST webhook bodies for API 2026-10 (orders/*, fulfillments/*,
// refunds/create, customers/*), with just enough variety for the tests and the benchmark.

export interface TestCustomer {
  id: number;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
}

export interface OrderOptions {
  id: number;
  name: string;
  customer: TestCustomer;
  updatedAt: string;
  createdAt?: string;
  financialStatus?: "pending" | "authorized" | "paid" | "partially_refunded" | "refunded" | "voided";
  fulfillmentStatus?: null | "partial" | "fulfilled";
  cancelledAt?: string | null;
  fulfillments?: Record<string, unknown>[];
  refunds?: Record<string, unknown>[];
  totalPrice?: string;
}

function address(customer: TestCustomer) {
  return {
    first_name: customer.firstName, last_name: customer.lastName, name: `${customer.firstName} ${customer.lastName}`,
    address1: "12 Quayside Lane", address2: null, city: "Leeds", province: "England", province_code: "ENG", zip: "LS1 4AP",
    country: "United Kingdom", country_code: "GB", phone: customer.phone, company: null, latitude: 53.79, longitude: -1.54,
  };
}

export function customerPayload(customer: TestCustomer, updatedAt = new Date().toISOString()) {
  return {
    id: customer.id, email: customer.email, created_at: "2026-01-05T10:00:00-05:00", updated_at: updatedAt,
    first_name: customer.firstName, last_name: customer.lastName, orders_count: 3, state: "enabled", total_spent: "212.40",
    last_order_id: null, note: null, verified_email: true, multipass_identifier: null, tax_exempt: false, tags: "",
    last_order_name: null, currency: "USD", phone: customer.phone, addresses: [], tax_exemptions: [],
    email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: null },
    sms_marketing_consent: null, admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`, default_address: address(customer),
  };
}

export function fulfillmentPayload(options: {
  id: number; orderId: number; status?: string; shipmentStatus?: string | null; updatedAt: string; createdAt?: string;
  company?: string; number?: string; url?: string; estimatedDeliveryAt?: string | null;
}) {
  return {
    id: options.id, admin_graphql_api_id: `gid://shopify/Fulfillment/${options.id}`, order_id: options.orderId,
    status: options.status ?? "success", created_at: options.createdAt ?? options.updatedAt, service: "manual",
    updated_at: options.updatedAt, tracking_company: options.company ?? "UPS", shipment_status: options.shipmentStatus ?? null,
    location_id: 655441491, origin_address: null, line_items: [{ id: 466157049, variant_id: 39072856, title: "Linen Tote", quantity: 1, sku: "TOTE-LIN", fulfillment_status: "fulfilled" }],
    tracking_number: options.number ?? "1Z999AA10123456784", tracking_numbers: [options.number ?? "1Z999AA10123456784"],
    tracking_url: options.url ?? "https://www.ups.com/track?tracknum=1Z999AA10123456784", tracking_urls: [options.url ?? "https://www.ups.com/track?tracknum=1Z999AA10123456784"],
    receipt: {}, name: "#1001.1", ...(options.estimatedDeliveryAt !== undefined ? { estimated_delivery_at: options.estimatedDeliveryAt } : {}),
  };
}

export function refundPayload(options: { id: number; orderId: number; amount: string; createdAt: string; currency?: string }) {
  return {
    id: options.id, admin_graphql_api_id: `gid://shopify/Refund/${options.id}`, order_id: options.orderId, created_at: options.createdAt,
    note: "Customer changed their mind", user_id: 548380009, processed_at: options.createdAt, restock: false, duties: [],
    total_duties_set: { shop_money: { amount: "0.00", currency_code: "USD" }, presentment_money: { amount: "0.00", currency_code: "USD" } },
    return: null, refund_line_items: [], refund_shipping_lines: [], order_adjustments: [],
    transactions: [{ id: 389404469, order_id: options.orderId, kind: "refund", gateway: "bogus", status: "success", message: null, created_at: options.createdAt, test: false, authorization: null, currency: options.currency ?? "USD", amount: options.amount, parent_id: 801038806 }],
  };
}

export function orderPayload(options: OrderOptions) {
  const customer = options.customer;
  return {
    id: options.id, admin_graphql_api_id: `gid://shopify/Order/${options.id}`, app_id: null, browser_ip: "203.0.113.10",
    buyer_accepts_marketing: false, cancel_reason: options.cancelledAt ? "customer" : null, cancelled_at: options.cancelledAt ?? null,
    cart_token: null, checkout_id: 901414060, checkout_token: null, client_details: null, closed_at: null, confirmation_number: "FSA3VQPTB", confirmed: true,
    contact_email: customer.email, created_at: options.createdAt ?? "2026-11-20T09:00:00-05:00", currency: "USD",
    current_subtotal_price: options.totalPrice ?? "54.00", current_total_price: options.totalPrice ?? "54.00", current_total_tax: "0.00",
    customer_locale: "en", email: customer.email, estimated_taxes: false, financial_status: options.financialStatus ?? "paid",
    fulfillment_status: options.fulfillmentStatus ?? null, name: options.name, note: null, note_attributes: [],
    number: Number(options.name.replace(/\D/g, "")) - 1000, order_number: Number(options.name.replace(/\D/g, "")),
    order_status_url: `https://example.myshopify.com/7/orders/${options.id}/authenticate?key=abc`, phone: customer.phone,
    presentment_currency: "USD", processed_at: options.createdAt ?? "2026-11-20T09:00:00-05:00", source_name: "web",
    subtotal_price: options.totalPrice ?? "54.00", tags: "", test: false, total_price: options.totalPrice ?? "54.00", total_tax: "0.00",
    updated_at: options.updatedAt, user_id: null, billing_address: address(customer),
    customer: { id: customer.id, email: customer.email, first_name: customer.firstName, last_name: customer.lastName, phone: customer.phone, admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`, default_address: address(customer) },
    discount_applications: [], fulfillments: options.fulfillments ?? [],
    line_items: [{ id: 466157049, admin_graphql_api_id: "gid://shopify/LineItem/466157049", fulfillable_quantity: 1, fulfillment_status: null, name: "Linen Tote", price: "27.00", product_id: 632910392, quantity: 2, requires_shipping: true, sku: "TOTE-LIN", title: "Linen Tote", variant_id: 39072856, variant_title: null, vendor: null }],
    payment_terms: null, refunds: options.refunds ?? [], shipping_address: address(customer),
    shipping_lines: [{ id: 369256396, code: "Standard", price: "5.00", source: "shopify", title: "Standard" }],
  };
}
