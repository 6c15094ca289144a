import type { CustomerRecord, OrderRecord, ProductRecord, VariantRecord } from "../fixtures/index";
import { customerDisplayName } from "../fixtures/index";
import { dateMatches, filterBySearch, legacyId, textMatches, type SearchTerm } from "./search";
import type { EmulatorStore } from "./store";

/** Shopify's `fulfillment_status` search values mapped to our display statuses. */
const FULFILLMENT_FILTERS: Record<string, readonly string[]> = {
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
};

function orderField(order: OrderRecord, term: SearchTerm, store: EmulatorStore): boolean | undefined {
  const value = term.value;
  switch (term.field) {
    case "name":
      // "name:#1001" and "name:1001" both match #1001.
      return textMatches(order.name.replace(/^#/, ""), value.replace(/^#/, ""));
    case "email":
      return textMatches(order.email, value);
    case "customer_id":
      return legacyId(order.customerId) === legacyId(value);
    case "id":
      return legacyId(order.id) === legacyId(value);
    case "updated_at":
      return dateMatches(order.updatedAt, term);
    case "created_at":
      return dateMatches(order.createdAt, term);
    case "processed_at":
      return dateMatches(order.processedAt, term);
    case "financial_status":
      return order.financialStatus.toLowerCase() === value.toLowerCase();
    case "fulfillment_status":
      return (FULFILLMENT_FILTERS[value.toLowerCase()] ?? [value.toUpperCase()]).includes(order.fulfillmentStatus);
    case "status":
      if (value === "cancelled") return order.cancelledAt !== null;
      if (value === "open") return order.cancelledAt === null;
      return undefined;
    case "tag":
      return order.tags.some((tag) => textMatches(tag, value));
    case "sku":
      return order.lineItems.some((line) => textMatches(line.sku, value));
    case "phone": {
      const customer = store.customer(order.customerId);
      return customer ? customer.phone.replace(/\D/g, "") === value.replace(/\D/g, "") : false;
    }
    default:
      return undefined;
  }
}

export function filterOrders(store: EmulatorStore, orders: readonly OrderRecord[], query: string | null | undefined): OrderRecord[] {
  return filterBySearch(
    orders,
    query,
    (order, term) => orderField(order, term, store),
    (order, text) => {
      const customer = store.customer(order.customerId);
      const haystack = [order.name, order.email, customer ? customerDisplayName(customer) : ""].join(" ").toLowerCase();
      return haystack.includes(text.toLowerCase().replace(/\*$/, ""));
    },
  );
}

type OrderSortKey = "CREATED_AT" | "UPDATED_AT" | "PROCESSED_AT" | "ID" | "ORDER_NUMBER" | "TOTAL_PRICE" | string;

export function sortOrders(orders: readonly OrderRecord[], sortKey: OrderSortKey | null | undefined): OrderRecord[] {
  const key = (order: OrderRecord): number => {
    switch (sortKey) {
      case "CREATED_AT": return Date.parse(order.createdAt);
      case "UPDATED_AT": return Date.parse(order.updatedAt);
      case "TOTAL_PRICE": return Number(order.totalPrice);
      case "PROCESSED_AT": return Date.parse(order.processedAt);
      default: return order.number; // ID and ORDER_NUMBER follow creation order in the fixture
    }
  };
  return [...orders].sort((a, b) => key(a) - key(b) || a.number - b.number);
}

export function filterCustomers(customers: readonly CustomerRecord[], query: string | null | undefined): CustomerRecord[] {
  return filterBySearch(
    customers,
    query,
    (customer, term) => {
      switch (term.field) {
        case "email": return textMatches(customer.email, term.value);
        case "phone": return customer.phone.replace(/\D/g, "") === term.value.replace(/\D/g, "");
        case "id": return legacyId(customer.id) === legacyId(term.value);
        case "tag": return customer.tags.some((tag) => textMatches(tag, term.value));
        case "first_name": return textMatches(customer.firstName, term.value);
        case "last_name": return textMatches(customer.lastName, term.value);
        case "country": return textMatches(customer.address.countryCode, term.value) || textMatches(customer.address.country, term.value);
        case "updated_at": return dateMatches(customer.updatedAt, term);
        case "created_at": return dateMatches(customer.createdAt, term);
        default: return undefined;
      }
    },
    (customer, text) => {
      const haystack = [customer.firstName, customer.lastName, customerDisplayName(customer), customer.email, customer.phone].join(" ").toLowerCase();
      return haystack.includes(text.toLowerCase().replace(/\*$/, ""));
    },
  );
}

export function filterProducts(products: readonly ProductRecord[], query: string | null | undefined): ProductRecord[] {
  return filterBySearch(
    products,
    query,
    (product, term) => {
      switch (term.field) {
        case "title": return product.title.toLowerCase().includes(term.value.toLowerCase().replace(/\*$/, ""));
        case "sku": return product.variants.some((variant) => textMatches(variant.sku, term.value));
        case "product_type": return textMatches(product.productType, term.value);
        case "vendor": return textMatches(product.vendor, term.value);
        case "tag": return product.tags.some((tag) => textMatches(tag, term.value));
        case "id": return legacyId(product.id) === legacyId(term.value);
        default: return undefined;
      }
    },
    (product, text) => product.title.toLowerCase().includes(text.toLowerCase().replace(/\*$/, "")),
  );
}

export function filterVariants(variants: readonly VariantRecord[], query: string | null | undefined): VariantRecord[] {
  return filterBySearch(
    variants,
    query,
    (variant, term) => {
      switch (term.field) {
        case "sku": return textMatches(variant.sku, term.value);
        case "product_id": return legacyId(variant.productId) === legacyId(term.value);
        case "id": return legacyId(variant.id) === legacyId(term.value);
        default: return undefined;
      }
    },
    (variant, text) => variant.sku.toLowerCase().includes(text.toLowerCase()) || variant.title.toLowerCase().includes(text.toLowerCase()),
  );
}
